//! The plan: missioni → obiettivi → indicatori, revisions, the embedded default plan, the JSON format.
