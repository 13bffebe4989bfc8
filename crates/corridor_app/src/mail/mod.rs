//! Outgoing mail: real RFC 5322 messages (built with lettre) sent through SMTP (`[mail.smtp]`) or,
//! without SMTP, written as `.eml` files into `mail.outbox_dir`, which is also what tests read
//! ([`Outbox`]).
//!
//! [`Mailer::send`] keeps slow SMTP off the request path (a spawned task; failures are logged);
//! writing to the outbox is quick and happens before `send` returns, so tests that read the
//! outbox right after a request are deterministic. [`Mailer::send_now`] waits in both cases.

mod outbox;

use std::path::PathBuf;
use std::sync::Arc;

use lettre::message::{Mailbox, header::ContentType};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::config::MailConfig;

pub use outbox::{Outbox, OutboxMessage};

/// One plain-text message to one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// An address (the configured sender or a recipient) is not acceptable to the mail builder.
    #[error("invalid e-mail address {address:?}: {reason}")]
    Address { address: String, reason: String },
    #[error("could not build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("could not write the message to the outbox {}", dir.display())]
    Outbox {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("mail is not configured usably: {0}")]
    Unusable(String),
    #[error("the SMTP server refused or failed")]
    Smtp(#[from] lettre::transport::smtp::Error),
}

#[derive(Clone)]
enum Transport {
    Outbox(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// The configuration cannot work (see [`Mailer::check`]); every send fails with this.
    Broken(String),
}

/// Sends mail as configured. Cheap to clone.
#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Arc<Transport>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match *self.transport {
            Transport::Outbox(_) => "outbox",
            Transport::Smtp(_) => "smtp",
            Transport::Broken(_) => "broken",
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("transport", &kind)
            .finish()
    }
}

fn mailbox(address: &str) -> Result<Mailbox, MailError> {
    address
        .parse()
        .map_err(|e: lettre::address::AddressError| MailError::Address {
            address: address.to_owned(),
            reason: e.to_string(),
        })
}

impl Mailer {
    /// The mailer of `[mail]`. Never fails, so that tests can build an `App` directly; a setting
    /// that cannot work is reported by [`Mailer::check`] at start and by every send.
    pub fn new(config: &MailConfig) -> Mailer {
        match Self::try_new(config) {
            Ok(mailer) => mailer,
            Err(e) => Mailer {
                from: Mailbox::new(
                    None,
                    lettre::Address::new("no-reply", "localhost").expect("valid"),
                ),
                transport: Arc::new(Transport::Broken(e.to_string())),
            },
        }
    }

    /// Checks `[mail]` without sending anything (building an SMTP transport does not connect).
    pub fn check(config: &MailConfig) -> Result<(), MailError> {
        Self::try_new(config).map(drop)
    }

    fn try_new(config: &MailConfig) -> Result<Mailer, MailError> {
        let from = mailbox(&config.from)?;
        let transport = match &config.smtp {
            None => Transport::Outbox(config.outbox_dir.clone()),
            Some(smtp) => {
                let builder = if smtp.starttls {
                    AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?
                } else {
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                };
                let builder = builder.port(smtp.port);
                let builder = match (&smtp.username, &smtp.password) {
                    (Some(user), Some(password)) => builder.credentials(Credentials::new(
                        user.clone(),
                        password.expose_secret().to_owned(),
                    )),
                    _ => builder,
                };
                Transport::Smtp(builder.build())
            }
        };
        Ok(Mailer {
            from,
            transport: Arc::new(transport),
        })
    }

    /// The RFC 5322 message for `mail`.
    pub fn message(&self, mail: &Mail) -> Result<Message, MailError> {
        Ok(Message::builder()
            .from(self.from.clone())
            .to(mailbox(&mail.to)?)
            .subject(mail.subject.clone())
            .message_id(None)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())?)
    }

    /// Sends and waits for the outcome.
    pub async fn send_now(&self, mail: &Mail) -> Result<(), MailError> {
        let message = self.message(mail)?;
        match &*self.transport {
            Transport::Outbox(dir) => outbox::write(dir, &message.formatted()).await,
            Transport::Smtp(smtp) => smtp.send(message).await.map(drop).map_err(Into::into),
            Transport::Broken(reason) => Err(MailError::Unusable(reason.clone())),
        }
    }

    /// Sends without holding up the caller when that would be slow (SMTP: a spawned task that
    /// logs failures); the outbox is written before returning. Building errors are returned.
    pub async fn send(&self, mail: Mail) -> Result<(), MailError> {
        match &*self.transport {
            Transport::Outbox(_) | Transport::Broken(_) => self.send_now(&mail).await,
            Transport::Smtp(_) => {
                self.message(&mail)?;
                let mailer = self.clone();
                tokio::spawn(async move {
                    if let Err(e) = mailer.send_now(&mail).await {
                        tracing::error!(error = %e, subject = %mail.subject, "sending mail failed");
                    }
                });
                Ok(())
            }
        }
    }
}
