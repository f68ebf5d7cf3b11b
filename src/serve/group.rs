//! The room as a whole: the group's weights and how far the room agrees.

use serde::Serialize;

/// How participants' weights are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mean {
    /// The arithmetic mean of each criterion's normalized weight.
    Arithmetic,
    /// The geometric mean, renormalized to sum to 1.
    Geometric,
}

impl std::str::FromStr for Mean {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "arithmetic" => Ok(Mean::Arithmetic),
            "geometric" => Ok(Mean::Geometric),
            other => Err(format!(
                "mean must be arithmetic or geometric, not `{other}`"
            )),
        }
    }
}

impl Mean {
    /// The word for it.
    pub fn name(self) -> &'static str {
        match self {
            Mean::Arithmetic => "arithmetic",
            Mean::Geometric => "geometric",
        }
    }
}

/// The group's weights from each participant's normalized weights (rows),
/// `None` when there is no one.
///
/// ```text
/// arithmetic: w_j = (1/m) Σ_k w_kj
/// geometric:  w_j = g_j / Σ_l g_l,   g_j = (Π_k max(w_kj, 1e-12))^(1/m)
/// ```
///
/// The geometric mean is the aggregation of individual judgements that
/// Aczél & Saaty (1983) show keeps reciprocity; a weight of 0 is floored at
/// 1e-12 so one participant's zero pulls the criterion down without erasing
/// it for everyone.
pub fn group_weights(rows: &[Vec<f64>], mean: Mean) -> Option<Vec<f64>> {
    let first = rows.first()?;
    let m = rows.len() as f64;
    let w: Vec<f64> = (0..first.len())
        .map(|j| match mean {
            Mean::Arithmetic => rows.iter().map(|r| r[j]).sum::<f64>() / m,
            Mean::Geometric => (rows.iter().map(|r| r[j].max(1e-12).ln()).sum::<f64>() / m).exp(),
        })
        .collect();
    super::weights::scale_to_one(w)
}

/// How one criterion's weight varies across the room.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spread {
    /// The lowest weight anyone gave.
    pub min: f64,
    /// The highest.
    pub max: f64,
    /// The arithmetic mean.
    pub mean: f64,
    /// The population standard deviation.
    pub sd: f64,
}

/// Each criterion's spread across participants (rows of normalized weights).
pub fn spreads(rows: &[Vec<f64>]) -> Vec<Spread> {
    let Some(first) = rows.first() else {
        return vec![];
    };
    let m = rows.len() as f64;
    (0..first.len())
        .map(|j| {
            let column = rows.iter().map(|r| r[j]);
            let mean = column.clone().sum::<f64>() / m;
            let var = column.clone().map(|x| (x - mean).powi(2)).sum::<f64>() / m;
            Spread {
                min: column.clone().fold(f64::INFINITY, f64::min),
                max: column.fold(f64::NEG_INFINITY, f64::max),
                mean,
                sd: var.sqrt(),
            }
        })
        .collect()
}

/// Kendall's coefficient of concordance W of `m` rankings of the same `n`
/// options, each given as the options' ranks (ties as mid-ranks), with the
/// correction for ties. `None` for fewer than two rankings or options, or
/// when every ranking is one big tie.
///
/// ```text
/// R_i = Σ_k r_ki                     (rank sum of option i)
/// S   = Σ_i (R_i − m(n+1)/2)²
/// T_k = Σ_groups (t³ − t)            (t = size of each tie group in ranking k)
/// W   = 12 S / (m²(n³ − n) − m Σ_k T_k)
/// ```
///
/// W is 1 when everyone ranks the options the same and 0 when the rankings
/// cancel out.
///
/// References: Kendall, M. G. & Babington Smith, B. (1939), "The problem of
/// m rankings", *Annals of Mathematical Statistics* 10(3), 275–287;
/// Legendre, P. (2005), "Species associations: the Kendall coefficient of
/// concordance revisited", *Journal of Agricultural, Biological and
/// Environmental Statistics* 10(2), 226–245 (the tie correction, eq. 2).
pub fn kendall_w(ranks: &[Vec<f64>]) -> Option<f64> {
    let m = ranks.len();
    let n = ranks.first()?.len();
    if m < 2 || n < 2 {
        return None;
    }
    let (mf, nf) = (m as f64, n as f64);
    let centre = mf * (nf + 1.0) / 2.0;
    let s: f64 = (0..n)
        .map(|i| (ranks.iter().map(|r| r[i]).sum::<f64>() - centre).powi(2))
        .sum();
    let ties: f64 = ranks.iter().map(|r| tie_term(r)).sum();
    let denominator = mf * mf * (nf.powi(3) - nf) - mf * ties;
    (denominator > 0.0).then(|| (12.0 * s / denominator).clamp(0.0, 1.0))
}

/// Σ (t³ − t) over the groups of equal ranks.
fn tie_term(ranks: &[f64]) -> f64 {
    let mut sorted = ranks.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut total = 0.0;
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        let t = (j - i) as f64;
        total += t.powi(3) - t;
        i = j;
    }
    total
}

/// Mid-ranks from competition ranks (`1, 2, 2, 4` → `1, 2.5, 2.5, 4`): a
/// tie of `t` options at competition rank `r` shares `r + (t − 1)/2`.
pub fn mid_ranks(competition: &[usize]) -> Vec<f64> {
    competition
        .iter()
        .map(|&r| {
            let t = competition.iter().filter(|&&x| x == r).count();
            r as f64 + (t as f64 - 1.0) / 2.0
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn kendall_w_matches_a_hand_computed_example() {
        // Three people rank four options (a, b, c, d):
        //   1: 1 2 3 4    2: 1 3 2 4    3: 2 1 4 3
        // Rank sums 4, 6, 9, 11 around m(n+1)/2 = 7.5, so
        // S = 3.5² + 1.5² + 1.5² + 3.5² = 29 and
        // W = 12·29 / (3²·(4³ − 4)) = 348 / 540 = 0.6444…
        let ranks = vec![
            vec![1.0, 2.0, 3.0, 4.0],
            vec![1.0, 3.0, 2.0, 4.0],
            vec![2.0, 1.0, 4.0, 3.0],
        ];
        assert_relative_eq!(
            kendall_w(&ranks).expect("w"),
            348.0 / 540.0,
            epsilon = 1e-12
        );
    }

    #[test]
    fn kendall_w_corrects_for_ties() {
        // Two people; the first ties b and c: ranks 1, 2.5, 2.5, 4.
        // Rank sums 2, 4.5, 5.5, 8 around 5: S = 9 + 0.25 + 0.25 + 9 = 18.5.
        // T = 2³ − 2 = 6, so W = 12·18.5 / (2²·60 − 2·6) = 222 / 228.
        let ranks = vec![vec![1.0, 2.5, 2.5, 4.0], vec![1.0, 2.0, 3.0, 4.0]];
        assert_relative_eq!(
            kendall_w(&ranks).expect("w"),
            222.0 / 228.0,
            epsilon = 1e-12
        );
        assert_eq!(mid_ranks(&[1, 2, 2, 4]), vec![1.0, 2.5, 2.5, 4.0]);
    }

    #[test]
    fn kendall_w_is_one_for_agreement_and_zero_for_opposites() {
        let same = vec![vec![1.0, 2.0, 3.0]; 4];
        assert_relative_eq!(kendall_w(&same).expect("w"), 1.0, epsilon = 1e-12);
        let opposite = vec![vec![1.0, 2.0, 3.0], vec![3.0, 2.0, 1.0]];
        assert_relative_eq!(kendall_w(&opposite).expect("w"), 0.0, epsilon = 1e-12);
        assert_eq!(kendall_w(&[vec![1.0, 2.0]]), None);
        assert_eq!(kendall_w(&[vec![1.0, 1.0], vec![1.0, 1.0]]), None);
    }

    #[test]
    fn group_means_and_spreads() {
        let rows = vec![vec![0.5, 0.5], vec![0.9, 0.1]];
        let a = group_weights(&rows, Mean::Arithmetic).expect("some");
        assert_relative_eq!(a[0], 0.7, epsilon = 1e-12);
        let g = group_weights(&rows, Mean::Geometric).expect("some");
        // sqrt(0.45) and sqrt(0.05), renormalized.
        let (x, y) = (0.45_f64.sqrt(), 0.05_f64.sqrt());
        assert_relative_eq!(g[0], x / (x + y), epsilon = 1e-12);
        let s = spreads(&rows);
        assert_relative_eq!(s[0].sd, 0.2, epsilon = 1e-12);
        assert_eq!((s[1].min, s[1].max), (0.1, 0.5));
        assert_eq!(group_weights(&[], Mean::Arithmetic), None);
    }
}
