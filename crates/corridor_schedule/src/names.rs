//! The ids a file used for participants and meetings, kept for output.

/// External ids, index-aligned with `Problem::participants` and `Problem::meetings`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names {
    pub participants: Vec<String>,
    pub meetings: Vec<String>,
    /// The ids are 1-based numbers (a `.dzn` file): writers print them as JSON numbers.
    pub numeric: bool,
}

impl Names {
    /// Numbered ids `1..=n`, as a `.dzn` file implies.
    pub fn numbered(participants: usize, meetings: usize) -> Self {
        Names {
            participants: (1..=participants).map(|i| i.to_string()).collect(),
            meetings: (1..=meetings).map(|i| i.to_string()).collect(),
            numeric: true,
        }
    }

    pub fn participant_index(&self, id: &str) -> Option<u32> {
        self.participants
            .iter()
            .position(|p| p == id)
            .map(|i| i as u32)
    }

    pub fn meeting_index(&self, id: &str) -> Option<u32> {
        self.meetings.iter().position(|m| m == id).map(|i| i as u32)
    }

    /// The meeting id as a JSON value: a number for `.dzn` instances, a string otherwise.
    pub fn meeting_json(&self, m: u32) -> serde_json::Value {
        let id = &self.meetings[m as usize];
        if self.numeric {
            if let Ok(n) = id.parse::<u64>() {
                return serde_json::Value::from(n);
            }
        }
        serde_json::Value::from(id.as_str())
    }
}
