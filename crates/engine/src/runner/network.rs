//! "Waiting for network": when the target refuses connections, the batch pauses itself,
//! probes the target with exponential back-off, and goes on by itself once a probe gets
//! through. Network trouble is not a test failure (DESIGN.md, continuity contract 6).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tokio::net::TcpStream;
use tokio::sync::Mutex;
use tokio::time::Instant;

use super::control::BatchControl;

const FIRST_PROBE_DELAY: Duration = Duration::from_millis(200);
const MAX_PROBE_DELAY: Duration = Duration::from_secs(5);
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

pub enum NetworkOutcome {
    /// The target accepts connections: send the request again. `after_outage` is false
    /// when the very first probe got through (the target was not down at all).
    Back { after_outage: bool },
    /// It did not come back within the allowed wait: record the error.
    GaveUp,
}

/// Shared by a batch's workers, so that one of them probes while the others wait.
pub struct NetworkGate {
    budget: Duration,
    /// Bumped each time the target comes back; a worker that queued behind the prober
    /// sees the change and retries at once instead of probing again.
    recoveries: AtomicU64,
    /// After a wait that ran out, errors are recorded at once until a request succeeds.
    gave_up: AtomicBool,
    /// Held by the one worker that probes.
    prober: Mutex<()>,
}

impl NetworkGate {
    pub fn new(budget: Duration) -> NetworkGate {
        NetworkGate {
            budget,
            recoveries: AtomicU64::new(0),
            gave_up: AtomicBool::new(false),
            prober: Mutex::new(()),
        }
    }

    pub fn enabled(&self) -> bool {
        !self.budget.is_zero()
    }

    /// A request got a response: the network is fine, waiting is allowed again.
    pub fn saw_success(&self) {
        self.gave_up.store(false, Ordering::Relaxed);
    }

    /// The current recovery count, read before sending, for `wait`.
    pub fn recoveries(&self) -> u64 {
        self.recoveries.load(Ordering::Acquire)
    }

    /// Waits until `host:port` accepts connections again, or the budget runs out. The
    /// batch shows as PAUSED (waiting for network) meanwhile.
    pub async fn wait(
        &self,
        url: &reqwest::Url,
        seen_recoveries: u64,
        control: &BatchControl,
    ) -> NetworkOutcome {
        let _prober = self.prober.lock().await;
        if self.recoveries() != seen_recoveries {
            // Another worker waited out an outage while we were sending.
            return NetworkOutcome::Back { after_outage: true };
        }
        if self.gave_up.load(Ordering::Relaxed) || !self.enabled() {
            return NetworkOutcome::GaveUp;
        }
        let Some(target) = probe_address(url) else {
            return NetworkOutcome::GaveUp;
        };
        if probe(&target).await {
            return NetworkOutcome::Back {
                after_outage: false,
            };
        }
        let _waiting = WaitingForNetwork::start(control);
        let deadline = Instant::now() + self.budget;
        let mut delay = FIRST_PROBE_DELAY;
        loop {
            tokio::time::sleep(delay.min(deadline.saturating_duration_since(Instant::now()))).await;
            delay = (delay * 2).min(MAX_PROBE_DELAY);
            if probe(&target).await {
                self.recoveries.fetch_add(1, Ordering::AcqRel);
                return NetworkOutcome::Back { after_outage: true };
            }
            if Instant::now() >= deadline {
                self.gave_up.store(true, Ordering::Relaxed);
                return NetworkOutcome::GaveUp;
            }
        }
    }
}

/// Shows the batch as waiting for network while alive, also when the wait is abandoned
/// (cancel, shutdown) by dropping its future.
struct WaitingForNetwork<'a>(&'a BatchControl);

impl<'a> WaitingForNetwork<'a> {
    fn start(control: &'a BatchControl) -> Self {
        control.set_waiting_for_network(true);
        WaitingForNetwork(control)
    }
}

impl Drop for WaitingForNetwork<'_> {
    fn drop(&mut self) {
        self.0.set_waiting_for_network(false);
    }
}

fn probe_address(url: &reqwest::Url) -> Option<String> {
    let host = url.host_str()?;
    let port = url.port_or_known_default()?;
    Some(if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    })
}

async fn probe(target: &str) -> bool {
    matches!(
        tokio::time::timeout(PROBE_TIMEOUT, TcpStream::connect(target)).await,
        Ok(Ok(_))
    )
}
