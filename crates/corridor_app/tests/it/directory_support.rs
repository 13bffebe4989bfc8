//! Builders shared by the directory tests: an app over a test store, accounts in each role, an
//! organisation with a staff member and a person with contact details.

use corridor_app::App;
use corridor_app::actor::{CurrentUser, Role};
use corridor_app::config::RawConfig;
use corridor_app::directory::people::add_person;
use corridor_app::directory::{organisations, verification};
use corridor_domain::directory::{
    AccountId, Email, NewPerson, Organisation, OrganisationInput, Person, PersonId, PersonInput,
    VerificationAction,
};
use corridor_store::accounts::{AccountRole, NewAccount};
use corridor_store::directory::MemberRole;
use corridor_store::{NewAuditEntry, Store};

pub struct TestApp {
    pub app: App,
    // Holds the data directory (evidence files) for the test's lifetime.
    _dir: tempfile::TempDir,
}

pub fn app(store: Store) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mut raw = RawConfig::default();
    raw.storage.data_dir = Some(dir.path().display().to_string());
    let config = raw.validate().unwrap();
    TestApp {
        app: App::with_store(config, store),
        _dir: dir,
    }
}

/// A signed-in account with `role`, stored so that memberships can refer to it.
pub async fn user(app: &App, name: &str, role: Role) -> CurrentUser {
    let stored_role = match role {
        Role::Admin => AccountRole::Admin,
        Role::Organiser => AccountRole::Organiser,
        Role::Member => AccountRole::Member,
    };
    let email = format!("{name}@example.org");
    let new = NewAccount {
        email: Email::parse(&email).unwrap(),
        display_name: name.to_owned(),
        password_hash: "$argon2id$test".into(),
        role: stored_role,
    };
    let account = app.store.accounts().create(new).await.unwrap();
    CurrentUser {
        account: account.id,
        email,
        display_name: name.to_owned(),
        role,
    }
}

pub fn rice_exporter(name: &str) -> OrganisationInput {
    OrganisationInput {
        kind: "company".into(),
        legal_name: name.into(),
        country: "PK".into(),
        region: "PK-PB".into(),
        exports: vec!["1006".into(), "100630".into()],
        industries: vec!["311212".into()],
        ..Default::default()
    }
}

/// A professional with an e-mail address and a phone number.
pub fn contact_person(name: &str, email: &str) -> NewPerson {
    PersonInput {
        name: name.into(),
        kind: "professional".into(),
        email: email.into(),
        phone: "+92 21 111-2222".into(),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

/// A [`contact_person`] in the directory, linked to no account; `by` is the audit's actor.
pub async fn stored_person(
    store: &Store,
    name: &str,
    email: &str,
    by: Option<AccountId>,
) -> Person {
    let audit = NewAuditEntry::new("person.created", "person", "-");
    let audit = match by {
        Some(by) => audit.by(by.to_string()),
        None => audit,
    };
    store
        .people()
        .create(&contact_person(name, email), None, audit)
        .await
        .unwrap()
}

/// Everyone the authorisation rules distinguish, around one organisation.
pub struct Cast {
    pub owner: CurrentUser,
    pub staff: CurrentUser,
    pub other_member: CurrentUser,
    pub organiser: CurrentUser,
    pub second_organiser: CurrentUser,
    pub admin: CurrentUser,
    pub organisation: Organisation,
    pub person: PersonId,
}

/// `tag` keeps names and addresses unique when one database holds several casts.
pub async fn cast(app: &App, tag: &str) -> Cast {
    let owner = user(app, &format!("owner{tag}"), Role::Member).await;
    let staff = user(app, &format!("staff{tag}"), Role::Member).await;
    let other_member = user(app, &format!("other{tag}"), Role::Member).await;
    let organiser = user(app, &format!("organiser{tag}"), Role::Organiser).await;
    let second_organiser = user(app, &format!("organiser2{tag}"), Role::Organiser).await;
    let admin = user(app, &format!("admin{tag}"), Role::Admin).await;
    let organisation = organisations::create_organisation(
        app,
        Some(&owner),
        &rice_exporter(&format!("Indus Rice {tag}")),
    )
    .await
    .unwrap();
    let added = NewAuditEntry::new(
        "membership.added",
        "organisation",
        organisation.id.to_string(),
    );
    app.store
        .memberships()
        .put(staff.account, organisation.id, MemberRole::Staff, added)
        .await
        .unwrap();
    let other_org = organisations::create_organisation(
        app,
        Some(&other_member),
        &rice_exporter(&format!("Other Rice {tag}")),
    )
    .await
    .unwrap();
    assert_ne!(other_org.id, organisation.id);
    let person = PersonInput {
        name: "Ayesha Siddiqui".into(),
        kind: "professional".into(),
        organisation_id: organisation.id.to_string(),
        email: format!("ayesha{tag}@indus-rice.pk"),
        phone: "+92 42 111 2222".into(),
        ..Default::default()
    };
    let person = add_person(app, Some(&owner), &person)
        .await
        .unwrap()
        .person
        .id;
    Cast {
        owner,
        staff,
        other_member,
        organiser,
        second_organiser,
        admin,
        organisation,
        person,
    }
}

/// Takes a step and panics with the step's name if it fails.
pub async fn step(
    app: &App,
    who: &CurrentUser,
    id: corridor_domain::directory::OrganisationId,
    action: VerificationAction,
) {
    let name = action.name();
    if let Err(e) = verification::act(app, Some(who), id, action).await {
        panic!("{name} by {} failed: {e}", who.display_name);
    }
}
