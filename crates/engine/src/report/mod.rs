//! Reports: pure functions of stored results (being written).
