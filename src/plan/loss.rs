//! What a destructive action would take away, in words a person reads before confirming:
//! "Obiettivo 9 con 11 indicatori e 66 valori".

use crate::lang::Lang;

use super::model::{Indicator, Mission, Objective, Plan};

/// How much a part of the plan holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Size {
    pub objectives: usize,
    pub indicators: usize,
    /// Actual values entered: every datum of every measure, direct value and benchmark.
    pub values: usize,
}

impl Size {
    pub fn of_indicator(i: &Indicator) -> Size {
        Size {
            objectives: 0,
            indicators: 1,
            values: i.data.values().map(|s| s.len()).sum::<usize>() + i.values.len(),
        }
    }

    pub fn of_objective(o: &Objective) -> Size {
        let mut size = Size {
            objectives: 1,
            ..Size::default()
        };
        for i in &o.indicators {
            let s = Size::of_indicator(i);
            size.indicators += 1;
            size.values += s.values;
        }
        size
    }

    pub fn of_mission(m: &Mission) -> Size {
        let mut size = Size::default();
        for o in &m.objectives {
            let s = Size::of_objective(o);
            size.objectives += s.objectives;
            size.indicators += s.indicators;
            size.values += s.values;
        }
        size
    }

    pub fn of_plan(p: &Plan) -> Size {
        let mut size = Size::default();
        for m in &p.missions {
            let s = Size::of_mission(m);
            size.objectives += s.objectives;
            size.indicators += s.indicators;
            size.values += s.values;
        }
        size
    }

    /// "3 obiettivi, 11 indicatori e 66 valori", with the counts asked for (an objective does not
    /// contain objectives, an indicator no indicators).
    pub fn words(&self, with_objectives: bool, with_indicators: bool, lang: Lang) -> String {
        let en = lang == Lang::En;
        let mut parts = Vec::new();
        if with_objectives {
            parts.push(count(
                self.objectives,
                en,
                ("obiettivo", "obiettivi"),
                ("objective", "objectives"),
            ));
        }
        if with_indicators {
            parts.push(count(
                self.indicators,
                en,
                ("indicatore", "indicatori"),
                ("indicator", "indicators"),
            ));
        }
        parts.push(count(
            self.values,
            en,
            ("valore", "valori"),
            ("value", "values"),
        ));
        let last = parts.pop().unwrap_or_default();
        if parts.is_empty() {
            last
        } else {
            format!(
                "{} {} {last}",
                parts.join(", "),
                if en { "and" } else { "e" }
            )
        }
    }
}

fn count(n: usize, en: bool, it: (&str, &str), english: (&str, &str)) -> String {
    let (one, many) = if en { english } else { it };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Obiettivo 9 con 11 indicatori e 66 valori".
pub fn objective(o: &Objective, lang: Lang) -> String {
    let words = Size::of_objective(o).words(false, true, lang);
    match lang {
        Lang::It => format!("Obiettivo {} con {words}", o.number),
        Lang::En => format!("Objective {} with {words}", o.number),
    }
}

/// "Indicatore 9.7 «Nome» con 6 valori".
pub fn indicator(i: &Indicator, lang: Lang) -> String {
    let words = Size::of_indicator(i).words(false, false, lang);
    let name: String = i.name.chars().take(60).collect();
    match lang {
        Lang::It => format!("Indicatore {} «{name}» con {words}", i.code),
        Lang::En => format!("Indicator {} “{name}” with {words}", i.code),
    }
}

/// "Missione 011 «Nome» con 3 obiettivi, 20 indicatori e 120 valori".
pub fn mission(m: &Mission, lang: Lang) -> String {
    let words = Size::of_mission(m).words(true, true, lang);
    match lang {
        Lang::It => format!("Missione {} «{}» con {words}", m.code, m.name),
        Lang::En => format!("Mission {} “{}” with {words}", m.code, m.name),
    }
}

/// "Piano «Titolo» con 9 obiettivi, 40 indicatori e 240 valori".
pub fn plan(p: &Plan, lang: Lang) -> String {
    let words = Size::of_plan(p).words(true, true, lang);
    match lang {
        Lang::It => format!("Piano «{}» con {words}", p.title),
        Lang::En => format!("Plan “{}” with {words}", p.title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::example_plan;

    #[test]
    fn an_objective_counts_its_indicators_and_every_value() {
        let plan = example_plan();
        let o = plan
            .missions
            .iter()
            .flat_map(|m| &m.objectives)
            .find(|o| o.number == 9)
            .expect("objective 9");
        let values: usize = o
            .indicators
            .iter()
            .map(|i| i.data.values().map(|s| s.len()).sum::<usize>() + i.values.len())
            .sum();
        assert!(values > 0, "the example has actuals in objective 9");
        let text = objective(o, Lang::It);
        assert_eq!(
            text,
            format!(
                "Obiettivo 9 con {} indicatori e {values} valori",
                o.indicators.len()
            )
        );
        assert!(objective(o, Lang::En).starts_with("Objective 9 with "));
    }

    #[test]
    fn singular_and_plural() {
        let s = Size {
            objectives: 1,
            indicators: 1,
            values: 0,
        };
        assert_eq!(
            s.words(true, true, Lang::It),
            "1 obiettivo, 1 indicatore e 0 valori"
        );
        assert_eq!(s.words(false, true, Lang::It), "1 indicatore e 0 valori");
        assert_eq!(s.words(false, false, Lang::It), "0 valori");
        let s = Size {
            objectives: 2,
            indicators: 3,
            values: 1,
        };
        assert_eq!(s.words(false, true, Lang::En), "3 indicators and 1 value");
    }

    #[test]
    fn a_plan_counts_every_part() {
        let plan = example_plan();
        let s = Size::of_plan(&plan);
        assert_eq!(s.indicators, plan.indicators().count());
        let objectives: usize = plan.missions.iter().map(|m| m.objectives.len()).sum();
        assert_eq!(s.objectives, objectives);
        assert!(super::plan(&plan, Lang::It).contains(&format!("{} indicatori", s.indicators)));
    }
}
