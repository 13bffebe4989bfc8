//! The mailer's outbox: real RFC 5322 messages that the outbox reader parses back.

use corridor_app::config::RawConfig;
use corridor_app::mail::{Mail, Mailer, Outbox};

fn mailer(dir: &std::path::Path) -> Mailer {
    let mut raw = RawConfig::default();
    raw.storage.data_dir = Some(dir.display().to_string());
    raw.mail.from = Some("Corridor <no-reply@corridor.example.org>".into());
    Mailer::new(&raw.validate().unwrap().mail)
}

#[tokio::test]
async fn a_sent_message_lands_in_the_outbox_and_reads_back_with_unicode_intact() {
    let dir = tempfile::tempdir().unwrap();
    let mail = Mail {
        to: "fatima@example.pk".into(),
        subject: "Ihr Konto — آپ کا اکاؤنٹ".into(),
        body: "Salaam Fatima,\nyour link: http://127.0.0.1:8080/password-reset/abc\nشکریہ\n".into(),
    };
    mailer(dir.path()).send(mail.clone()).await.unwrap();
    let messages = Outbox::new(dir.path().join("outbox")).messages().unwrap();
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, mail.to);
    assert_eq!(messages[0].subject, mail.subject);
    assert_eq!(messages[0].body.replace("\r\n", "\n"), mail.body);

    let raw = std::fs::read_to_string(&messages[0].file).unwrap();
    for header in [
        "From: Corridor <no-reply@corridor.example.org>",
        "To: fatima@example.pk",
        "Date: ",
        "Message-ID: ",
    ] {
        assert!(raw.contains(header), "{header} in {raw}");
    }
}

#[tokio::test]
async fn messages_are_listed_oldest_first_and_no_temporary_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let mailer = mailer(dir.path());
    for n in 0..3 {
        let mail = Mail {
            to: format!("p{n}@example.pk"),
            subject: format!("number {n}"),
            body: "hi".into(),
        };
        mailer.send_now(&mail).await.unwrap();
    }
    let outbox = Outbox::new(dir.path().join("outbox"));
    let subjects: Vec<String> = outbox
        .messages()
        .unwrap()
        .into_iter()
        .map(|m| m.subject)
        .collect();
    assert_eq!(subjects, ["number 0", "number 1", "number 2"]);
    assert_eq!(outbox.messages_to("P1@example.pk").unwrap().len(), 1);
    let names: Vec<String> = std::fs::read_dir(dir.path().join("outbox"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".eml") && !n.starts_with('.')),
        "{names:?}"
    );
}

#[test]
fn an_outbox_that_does_not_exist_yet_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        Outbox::new(dir.path().join("nothing"))
            .messages()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_recipient_that_is_not_an_address_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mail = Mail {
        to: "not an address".into(),
        subject: "x".into(),
        body: "y".into(),
    };
    assert!(mailer(dir.path()).send_now(&mail).await.is_err());
}
