//! PROMETHEE preference functions, one per criterion.

use serde::Serialize;

/// The six standard preference functions of Brans & Vincke (1985).
///
/// Each maps a difference `d` of values (the better minus the worse) to a
/// preference degree in `0..=1`:
///
/// ```text
/// usual:     P(d) = 0 if d ≤ 0, else 1
/// u-shape:   P(d) = 0 if d ≤ q, else 1
/// v-shape:   P(d) = 0 if d ≤ 0, d/p if d ≤ p, else 1
/// level:     P(d) = 0 if d ≤ q, 1/2 if d ≤ p, else 1
/// linear:    P(d) = 0 if d ≤ q, (d − q)/(p − q) if d ≤ p, else 1
/// gaussian:  P(d) = 0 if d ≤ 0, else 1 − exp(−d² / (2 s²))
/// ```
///
/// Thresholds are checked at the door: non-negative, `q ≤ p`, `s > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PreferenceFunction {
    /// Any advantage is full preference.
    Usual,
    /// Indifference up to `q`, then full preference.
    UShape { q: f64 },
    /// Preference growing linearly up to `p`.
    VShape { p: f64 },
    /// Indifference up to `q`, half preference up to `p`, then full.
    Level { q: f64, p: f64 },
    /// Indifference up to `q`, linear up to `p`, then full.
    Linear { q: f64, p: f64 },
    /// Gaussian with inflection at `s`.
    Gaussian { s: f64 },
}

impl PreferenceFunction {
    /// The preference degree for an advantage `d`.
    pub fn degree(&self, d: f64) -> f64 {
        if d <= 0.0 {
            return 0.0;
        }
        match *self {
            PreferenceFunction::Usual => 1.0,
            PreferenceFunction::UShape { q } => f64::from(d > q),
            PreferenceFunction::VShape { p } => {
                if d >= p {
                    1.0
                } else {
                    d / p
                }
            }
            PreferenceFunction::Level { q, p } => {
                if d <= q {
                    0.0
                } else if d <= p {
                    0.5
                } else {
                    1.0
                }
            }
            PreferenceFunction::Linear { q, p } => {
                if d <= q {
                    0.0
                } else if d >= p {
                    1.0
                } else {
                    (d - q) / (p - q)
                }
            }
            PreferenceFunction::Gaussian { s } => 1.0 - (-(d * d) / (2.0 * s * s)).exp(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PreferenceFunction::*;

    #[test]
    fn degrees_follow_the_six_shapes() {
        assert_eq!(Usual.degree(0.0), 0.0);
        assert_eq!(Usual.degree(0.1), 1.0);
        assert_eq!(UShape { q: 1.0 }.degree(1.0), 0.0);
        assert_eq!(UShape { q: 1.0 }.degree(1.5), 1.0);
        assert_eq!(VShape { p: 2.0 }.degree(1.0), 0.5);
        assert_eq!(Level { q: 1.0, p: 2.0 }.degree(1.5), 0.5);
        assert_eq!(Linear { q: 1.0, p: 3.0 }.degree(2.0), 0.5);
        let g = Gaussian { s: 1.0 }.degree(1.0);
        assert!((g - (1.0 - (-0.5f64).exp())).abs() < 1e-15);
    }
}
