//! The outbox: one `.eml` file per message, written atomically (a temporary file renamed into
//! place) so that a reader never sees half a message; and its reader, for tests and operators.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rand::RngCore;

use super::MailError;

pub(super) async fn write(dir: &Path, message: &[u8]) -> Result<(), MailError> {
    let failed = |source| MailError::Outbox {
        dir: dir.to_path_buf(),
        source,
    };
    tokio::fs::create_dir_all(dir).await.map_err(failed)?;
    let mut random = [0u8; 6];
    rand::rng().fill_bytes(&mut random);
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    // Time first, so that file names sort in sending order.
    let name = format!("{}-{suffix}.eml", Utc::now().format("%Y%m%dT%H%M%S%.6fZ"));
    let temporary = dir.join(format!(".{name}.tmp"));
    tokio::fs::write(&temporary, message)
        .await
        .map_err(failed)?;
    tokio::fs::rename(&temporary, dir.join(&name))
        .await
        .map_err(failed)
}

/// A message read back from the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    pub file: PathBuf,
    /// The first recipient's address.
    pub to: String,
    pub subject: String,
    /// The plain-text body, decoded.
    pub body: String,
}

/// Reads the `.eml` files of an outbox directory.
#[derive(Debug, Clone)]
pub struct Outbox {
    dir: PathBuf,
}

impl Outbox {
    pub fn new(dir: impl Into<PathBuf>) -> Outbox {
        Outbox { dir: dir.into() }
    }

    /// Every message, oldest first; an outbox that does not exist yet is empty.
    pub fn messages(&self) -> std::io::Result<Vec<OutboxMessage>> {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        files.sort();
        files.into_iter().map(|file| read(&file)).collect()
    }

    /// The messages sent to `address`, oldest first.
    pub fn messages_to(&self, address: &str) -> std::io::Result<Vec<OutboxMessage>> {
        Ok(self
            .messages()?
            .into_iter()
            .filter(|m| m.to.eq_ignore_ascii_case(address))
            .collect())
    }
}

fn read(file: &Path) -> std::io::Result<OutboxMessage> {
    let bytes = std::fs::read(file)?;
    let invalid = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} is not an e-mail message", file.display()),
        )
    };
    let message = mail_parser::MessageParser::default()
        .parse(&bytes)
        .ok_or_else(invalid)?;
    let to = message
        .to()
        .and_then(|to| to.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    Ok(OutboxMessage {
        file: file.to_path_buf(),
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        body: message.body_text(0).unwrap_or_default().into_owned(),
    })
}
