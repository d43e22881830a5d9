//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "apiautotest",
    version,
    about = "Run API test collections: durable, resumable batches with JUnit, JSON and HTML reports",
    after_help = "Exit codes: 0 all passed; 1 usage error; 2 invalid collection file; \
                  3 runtime errors and no assertion failure; 4 at least one assertion failure; \
                  5 script errors and no assertion failure; 130 interrupted"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Run collection files as one batch.
    Run(Box<RunArgs>),
    /// List the batches recorded in a database, newest first.
    Batches(BatchesArgs),
    /// Continue an INTERRUPTED batch from its first case without a result.
    Resume(ResumeArgs),
    /// Start a new batch of a batch's failed and errored cases.
    RerunFailed(RerunArgs),
    /// Write reports of a recorded batch.
    Report(ReportArgs),
    /// Delete old batches (retention).
    Prune(PruneArgs),
    /// Serve the local sandbox API (items, login, delays, faults) until Ctrl-C.
    Sandbox(SandboxArgs),
    /// Convert another tool's file into a native collection file.
    Import(ImportArgs),
    /// Write a native collection in another tool's format.
    Export(ExportArgs),
}

/// Options every batch-running command shares.
#[derive(Args, Clone)]
pub struct OutputArgs {
    /// Write a report: junit=PATH, json=PATH or html=PATH (repeatable).
    #[arg(long = "report", value_name = "FORMAT=PATH")]
    pub reports: Vec<String>,
    /// Print JSON lines (one per result, then a summary) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Client certificates and CAs, as newman's options (proxies come from the environment:
/// HTTP_PROXY, HTTPS_PROXY, NO_PROXY).
#[derive(Args, Clone, Default)]
pub struct TlsArgs {
    /// A client certificate (PEM); its key may follow it in the same file.
    #[arg(long, value_name = "FILE")]
    pub ssl_client_cert: Option<PathBuf>,
    /// The client certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1).
    #[arg(long, value_name = "FILE", requires = "ssl_client_cert")]
    pub ssl_client_key: Option<PathBuf>,
    /// The passphrase of an encrypted (PKCS#8) client key.
    #[arg(long, value_name = "TEXT", requires = "ssl_client_cert")]
    pub ssl_client_passphrase: Option<String>,
    /// CA certificates (PEM) trusted beside the system's.
    #[arg(long, value_name = "FILE")]
    pub ssl_extra_ca_certs: Option<PathBuf>,
}

#[derive(Args)]
pub struct RunArgs {
    /// Collection files: native YAML, or Postman collections (v2.0, v2.1).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// A variable, above the environment (repeatable).
    #[arg(long = "var", value_name = "K=V")]
    pub vars: Vec<String>,
    /// A file of variables (YAML or JSON map, or a Postman environment); its values
    /// override the collections' variables.
    #[arg(long, short = 'e', visible_alias = "environment", value_name = "FILE")]
    pub env: Option<PathBuf>,
    /// An environment variable, over the --env file's (repeatable; as newman's).
    #[arg(long = "env-var", value_name = "K=V")]
    pub env_vars: Vec<String>,
    /// A file of global variables (a Postman globals export, or a YAML or JSON map): the
    /// lowest precedence, under the collections' variables.
    #[arg(long, short = 'g', value_name = "FILE")]
    pub globals: Option<PathBuf>,
    /// A global variable, over the --globals file's (repeatable; as newman's).
    #[arg(long = "global-var", value_name = "K=V")]
    pub global_vars: Vec<String>,
    /// Run only the cases in folders of this name, at any depth (repeatable; as newman's).
    #[arg(long = "folder", value_name = "NAME")]
    pub folders: Vec<String>,
    /// A variable whose value is masked in every output and never stored (repeatable).
    #[arg(long = "secret", value_name = "K=V")]
    pub secrets: Vec<String>,
    /// Run the cases once per row of a CSV file or JSON array.
    #[arg(
        long,
        short = 'd',
        visible_alias = "iteration-data",
        value_name = "FILE"
    )]
    pub data: Option<PathBuf>,
    /// Requests in flight at once (1: strictly in file order).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub concurrency: u32,
    /// At most N requests per second, across all workers.
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,
    /// Pause between requests, in milliseconds.
    #[arg(
        long,
        default_value_t = 0,
        visible_alias = "delay-request",
        value_name = "MS"
    )]
    pub delay: u64,
    /// Per-request timeout, in milliseconds.
    #[arg(
        long,
        default_value_t = 30_000,
        visible_alias = "timeout-request",
        value_name = "MS"
    )]
    pub timeout: u64,
    /// Retries of transport errors, with exponential back-off.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub retries: u32,
    /// Stop at the first failed or errored case.
    #[arg(long)]
    pub bail: bool,
    /// Run the whole plan N times.
    #[arg(
        long,
        short = 'n',
        default_value_t = 1,
        visible_alias = "iteration-count",
        value_name = "N"
    )]
    pub iterations: u32,
    /// When the target refuses connections, wait up to S seconds for it to come back
    /// (the batch shows as paused, waiting for network) before recording errors.
    #[arg(long, default_value_t = 0, value_name = "S")]
    pub network_wait: u64,
    /// Accept invalid TLS certificates.
    #[arg(long, short = 'k')]
    pub insecure: bool,
    /// Time the pre-request (or the test) scripts of one case may take, in milliseconds.
    #[arg(long, default_value_t = 5_000, value_name = "MS")]
    pub timeout_script: u64,
    /// After the run, write the environment as the scripts left it (a Postman
    /// environment file, as newman's option).
    #[arg(long, value_name = "FILE")]
    pub export_environment: Option<PathBuf>,
    /// After the run, write the globals as the scripts left them (Postman's format).
    #[arg(long, value_name = "FILE")]
    pub export_globals: Option<PathBuf>,
    /// Record the batch in this SQLite database (the desktop app's schema), so it can
    /// be listed, resumed and reported later. Without it, nothing stays on disk.
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Run only shard K of N (cases linked by captured values stay together).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    #[command(flatten)]
    pub tls: TlsArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args)]
pub struct BatchesArgs {
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// How many to list.
    #[arg(long, default_value_t = 50)]
    pub limit: u32,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ResumeArgs {
    /// The batch id (or a unique prefix of it).
    pub batch_id: String,
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// The batch's secrets, again: they are never stored.
    #[arg(long = "secret", value_name = "K=V")]
    pub secrets: Vec<String>,
    /// Also send again cases that may have been sent before the interruption when their
    /// method is not idempotent (POST, PATCH).
    #[arg(long)]
    pub resend_unknown: bool,
    /// The certificates again, when the batch used them: they are never stored.
    #[command(flatten)]
    pub tls: TlsArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args)]
pub struct RerunArgs {
    pub batch_id: String,
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    #[arg(long = "secret", value_name = "K=V")]
    pub secrets: Vec<String>,
    #[command(flatten)]
    pub tls: TlsArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Args)]
pub struct ReportArgs {
    pub batch_id: String,
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// junit=PATH, json=PATH or html=PATH (repeatable).
    #[arg(long = "report", value_name = "FORMAT=PATH", required = true)]
    pub reports: Vec<String>,
}

#[derive(Args)]
pub struct PruneArgs {
    #[arg(long, value_name = "PATH")]
    pub db: PathBuf,
    /// Delete finished batches created more than N days ago.
    #[arg(long, value_name = "N")]
    pub older_than_days: Option<u32>,
    /// Keep only the newest N finished batches.
    #[arg(long, value_name = "N")]
    pub keep: Option<u32>,
}

#[derive(Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0: any free port).
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
}

#[derive(Args)]
pub struct ImportArgs {
    /// What FILE is: `postman` (a collection, v2.0 or v2.1).
    #[arg(value_name = "KIND")]
    pub kind: ImportKind,
    pub file: PathBuf,
    /// Where to write the native collection (YAML); standard output when not given.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ImportKind {
    Postman,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The format to write: `postman` (Collection v2.1).
    #[arg(long = "to", value_name = "FORMAT")]
    pub to: ExportFormat,
    /// The native collection file (YAML).
    pub file: PathBuf,
    /// Where to write; standard output when not given.
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Postman,
}
