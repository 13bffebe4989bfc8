//! The `[privacy]` section: the default retention period of event-only registrants, used until an
//! organiser or admin sets one at run time.

use serde::Deserialize;

/// Longest retention period accepted, in days (ten years): beyond that, "keep forever" in disguise.
pub const MAX_RETENTION_DAYS: u32 = 3650;
/// The retention period when neither the configuration nor an organiser set one.
pub const DEFAULT_RETENTION_DAYS: u32 = 180;

/// The `[privacy]` section as written; `None` means "not set in this layer".
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawPrivacy {
    pub event_registrant_retention_days: Option<u32>,
}

impl RawPrivacy {
    /// Lays `over` on top of `self`: every value set in `over` wins.
    pub fn merge(self, over: RawPrivacy) -> RawPrivacy {
        RawPrivacy {
            event_registrant_retention_days: over
                .event_registrant_retention_days
                .or(self.event_registrant_retention_days),
        }
    }

    /// Validates and fills in defaults, reporting problems through `problem(setting, message)`.
    pub fn validate(self, problem: &mut dyn FnMut(&str, String)) -> PrivacyConfig {
        let days = self
            .event_registrant_retention_days
            .unwrap_or(DEFAULT_RETENTION_DAYS);
        let days = match check_retention_days(days) {
            Ok(days) => days,
            Err(message) => {
                problem("privacy.event_registrant_retention_days", message);
                DEFAULT_RETENTION_DAYS
            }
        };
        PrivacyConfig {
            event_registrant_retention_days: days,
        }
    }
}

/// Validated `[privacy]` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivacyConfig {
    /// Days after registration that an event-only registrant's personal data is kept, unless an
    /// organiser set another period (then that one applies).
    pub event_registrant_retention_days: u32,
}

/// A retention period must be 1 to [`MAX_RETENTION_DAYS`] days.
pub(crate) fn check_retention_days(days: u32) -> Result<u32, String> {
    if (1..=MAX_RETENTION_DAYS).contains(&days) {
        Ok(days)
    } else {
        Err(format!(
            "must be between 1 and {MAX_RETENTION_DAYS} days, got {days}"
        ))
    }
}
