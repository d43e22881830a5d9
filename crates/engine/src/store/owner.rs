//! Which process runs a batch, and whether it is still alive. A pid alone can be reused
//! after a crash, so it is paired with the process's start time (Linux: /proc/PID/stat).

/// "pid:start_ticks".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessId(pub String);

impl ProcessId {
    pub fn current() -> ProcessId {
        let pid = std::process::id();
        ProcessId(format!("{pid}:{}", start_ticks(pid).unwrap_or(0)))
    }

    /// Whether the process named by this id is still running.
    pub fn is_alive(&self) -> bool {
        let Some((pid, ticks)) = self.0.split_once(':') else {
            return false;
        };
        let (Ok(pid), Ok(ticks)) = (pid.parse::<u32>(), ticks.parse::<u64>()) else {
            return false;
        };
        if pid == std::process::id() {
            return start_ticks(pid).unwrap_or(0) == ticks;
        }
        start_ticks(pid).is_some_and(|now| now == ticks)
    }
}

/// Field 22 of /proc/PID/stat: the process's start time in clock ticks since boot. On
/// systems without /proc every other process counts as gone, which errs towards offering
/// a resume rather than leaving a batch stuck as RUNNING.
fn start_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: skip past its last ')'.
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(19)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_made_up_one_is_not() {
        assert!(ProcessId::current().is_alive());
        assert!(!ProcessId("999999999:1".into()).is_alive());
        assert!(!ProcessId("garbage".into()).is_alive());
    }
}
