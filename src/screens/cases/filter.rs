//! Which cases the list shows: a status filter stepped through with one key,
//! and "my cases" (the cases whose responsible worker is the user).

use crate::app::context::Ctx;
use crate::domain::case::CaseStatus;

/// The status filter of the case list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// Every case not closed (the usual working set).
    #[default]
    Active,
    /// Cases of one status.
    Only(CaseStatus),
    /// Closed cases, referred on or not.
    Closed,
    /// Every case.
    All,
}

impl StatusFilter {
    /// The next filter in the cycle the filter key steps through.
    pub fn next(self) -> StatusFilter {
        use CaseStatus::*;
        match self {
            StatusFilter::Active => StatusFilter::Only(Expected),
            StatusFilter::Only(Expected) => StatusFilter::Only(Arrived),
            StatusFilter::Only(Arrived) => StatusFilter::Only(InResidence),
            StatusFilter::Only(InResidence) => StatusFilter::Only(Departed),
            StatusFilter::Only(_) => StatusFilter::Closed,
            StatusFilter::Closed => StatusFilter::All,
            StatusFilter::All => StatusFilter::Active,
        }
    }

    /// Whether a case of `status` passes.
    pub fn admits(self, status: CaseStatus) -> bool {
        match self {
            StatusFilter::Active => !status.is_closed(),
            StatusFilter::Only(s) => s == status,
            StatusFilter::Closed => status.is_closed(),
            StatusFilter::All => true,
        }
    }

    /// The filter's name in the user's language.
    pub fn label(self, ctx: &Ctx) -> String {
        match self {
            StatusFilter::Active => ctx.t("cases-filter-active"),
            StatusFilter::Only(s) => ctx.t(&format!("case-status-{}", s.key())),
            StatusFilter::Closed => ctx.t("cases-filter-closed"),
            StatusFilter::All => ctx.t("cases-filter-all"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_key_steps_through_every_filter_and_back() {
        let mut f = StatusFilter::default();
        let mut seen = vec![f];
        for _ in 0..7 {
            f = f.next();
            seen.push(f);
        }
        assert_eq!(seen.first(), seen.last());
        assert!(StatusFilter::Active.admits(CaseStatus::InResidence));
        assert!(!StatusFilter::Active.admits(CaseStatus::ClosedReferred));
        assert!(StatusFilter::Closed.admits(CaseStatus::ClosedReferred));
        assert!(StatusFilter::All.admits(CaseStatus::Closed));
        assert!(!StatusFilter::Only(CaseStatus::Expected).admits(CaseStatus::Arrived));
    }
}
