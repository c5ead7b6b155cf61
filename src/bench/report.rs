//! The figures of one run, each beside its budget (docs/PERFORMANCE.md).

use serde::Serialize;

use crate::store::footprint::TreeFootprint;

/// One measured figure.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// What was measured.
    pub what: String,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: &'static str,
    /// The budget, when docs/PERFORMANCE.md sets one, in the same unit.
    pub budget: Option<f64>,
    /// How the budget reads (`≤ 4 ms`).
    pub budget_text: String,
}

impl Figure {
    /// A figure with a "no more than" budget.
    pub fn at_most(what: impl Into<String>, value: f64, unit: &'static str, budget: Option<f64>) -> Figure {
        // A budget derived from another figure (2.5 × a plain write) has
        // as many decimals as a float holds: three are enough to read.
        let budget_text = budget.map(|b| format!("≤ {} {unit}", trimmed(b))).unwrap_or_default();
        Figure { what: what.into(), value, unit, budget, budget_text }
    }

    /// Whether it is within its budget (`None` when it has none).
    pub fn within(&self) -> Option<bool> {
        self.budget.map(|b| self.value <= b)
    }
}

/// `b` with at most three decimals and no trailing zeros (`4`, `0.181`).
fn trimmed(b: f64) -> String {
    let s = format!("{b:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_read_with_at_most_three_decimals() {
        assert_eq!(Figure::at_most("x", 1.0, "ms", Some(4.0)).budget_text, "≤ 4 ms");
        assert_eq!(Figure::at_most("x", 1.0, "ms", Some(0.18089750000000002)).budget_text, "≤ 0.181 ms");
        assert_eq!(Figure::at_most("x", 1.0, "MB", Some(1.5)).budget_text, "≤ 1.5 MB");
        assert_eq!(Figure::at_most("x", 1.0, "ms", None).budget_text, "");
    }
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    /// Cases in the synthetic centre.
    pub cases: usize,
    /// Beds on the board.
    pub beds: usize,
    /// The figures.
    pub figures: Vec<Figure>,
    /// Live entries and bytes per tree of the fresh centre: where the space goes.
    pub trees: Vec<TreeFootprint>,
}

impl BenchReport {
    /// A plain table for a terminal.
    pub fn table(&self) -> String {
        let mut out = format!("haven bench: {} cases, {} beds\n", self.cases, self.beds);
        out.push_str(&format!("{:<58} {:>12}  {:<18} {}\n", "measure", "value", "budget", "verdict"));
        for f in &self.figures {
            let verdict = match f.within() {
                Some(true) => "within",
                Some(false) => "OVER",
                None => "",
            };
            out.push_str(&format!(
                "{:<58} {:>9.3} {:<2}  {:<18} {}\n",
                f.what, f.value, f.unit, f.budget_text, verdict
            ));
        }
        let per_case = |b: u64| b as f64 / self.cases.max(1) as f64;
        out.push_str(&format!(
            "\n{:<16} {:>10} {:>14} {:>14} {:>12}\n",
            "tree (fresh)", "entries", "key bytes", "value bytes", "B per case"
        ));
        for t in self.trees.iter().filter(|t| t.entries > 0) {
            out.push_str(&format!(
                "{:<16} {:>10} {:>14} {:>14} {:>12.0}\n",
                t.tree,
                t.entries,
                t.key_bytes,
                t.value_bytes,
                per_case(t.key_bytes + t.value_bytes)
            ));
        }
        let live: u64 = self.trees.iter().map(|t| t.key_bytes + t.value_bytes).sum();
        out.push_str(&format!("{:<16} {:>10} {:>14} {:>14} {:>12.0}\n", "all", "", "", live, per_case(live)));
        out
    }
}
