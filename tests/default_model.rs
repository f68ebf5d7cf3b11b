//! The model compiled into the binary: valid under --strict, every score cited,
//! and the shape docs/model.md promises.

use assert_cmd::Command;
use tradeoffs::input::{DEFAULT_CRITERIA, DEFAULT_OPTIONS};
use tradeoffs::model::{ProfileForm, Source, SourceKind};

fn model() -> tradeoffs::Model {
    tradeoffs::from_texts(DEFAULT_OPTIONS, DEFAULT_CRITERIA).expect("the default model is valid")
}

#[test]
fn the_embedded_default_is_exactly_the_files_at_the_root() {
    assert_eq!(
        DEFAULT_OPTIONS,
        std::fs::read_to_string("options.toml").expect("options.toml")
    );
    assert_eq!(
        DEFAULT_CRITERIA,
        std::fs::read_to_string("criteria.toml").expect("criteria.toml")
    );
}

#[test]
fn check_strict_passes_on_the_built_in_model() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::cargo_bin("tradeoffs")
        .expect("binary")
        .current_dir(dir.path())
        .args(["check", "--strict"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("0 errors, 0 warnings"), "{text}");
}

/// The source a score cites: the first word of its `source`.
fn cited<'m>(m: &'m tradeoffs::Model, e: &tradeoffs::model::Evidence) -> &'m Source {
    let id = e
        .source
        .as_deref()
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or("");
    m.sources
        .iter()
        .find(|s| s.id.as_str() == id)
        .unwrap_or_else(|| panic!("no source `{id}`"))
}

#[test]
fn every_paper_citing_score_quotes_its_paper_and_every_judgment_is_labelled_and_ranged() {
    let m = model();
    let (mut quoted, mut judged) = (0, 0);
    for (option, row) in m.options.iter().zip(&m.evidence) {
        for (criterion, e) in m.criteria.iter().zip(row) {
            let at = format!("{} / {}", option.id, criterion.id);
            assert!(!e.imputed, "{at}: no score");
            let why = e.why.as_deref().unwrap_or("");
            assert!(!why.is_empty(), "{at}: no why");
            let ranged = e.low.is_some() && e.high.is_some();
            match cited(&m, e).kind {
                SourceKind::Judgment => {
                    judged += 1;
                    assert!(ranged, "{at}: a judgment without a range");
                    assert!(
                        why.starts_with("Analyst's judgment"),
                        "{at}: why does not say it is a judgment"
                    );
                    assert!(e.quote.is_none(), "{at}: a judgment with a quote");
                }
                SourceKind::Document => {
                    quoted += 1;
                    let quote = e.quote.as_deref().unwrap_or("");
                    assert!(
                        !quote.trim().is_empty(),
                        "{at}: cites a paper without a quote"
                    );
                    assert!(quote.chars().count() <= 300, "{at}: quote too long");
                    assert!(
                        !why.starts_with("Analyst's judgment"),
                        "{at}: a judgment cites a paper"
                    );
                }
            }
        }
    }
    assert!(quoted > 0 && judged > 0);
}

#[test]
fn section_locators_name_headings_the_papers_have() {
    // Locators are either the bare source id (crs-2025 has no headings; the quote
    // locates the passage) or `id §Heading` with a heading the paper has; these
    // are the headings of the five papers, copied from their texts.
    let headings: &[(&str, &[&str])] = &[
        (
            "crs-2018",
            &[
                "Eradication and Interdiction in Mexico",
                "Fentanyl and Fentanyl Analogues",
                "Other Policy Issues",
                "Combating Opioids: What Role for U.S.-Mexican Security Cooperation?",
            ],
        ),
        (
            "crs-2022",
            &[
                "Money Laundering Trends",
                "Mexican Efforts to Address Opioids",
                "Regional Diplomacy on Illicit Drugs",
                "Counternarcotics Foreign Assistance",
                "Sanctions Targeting Mexican TCOs and Kingpins",
                "Illicit Fentanyl Production and Trafficking Trends",
            ],
        ),
        ("crs-2025", &[]),
        (
            "brookings-2020",
            &[
                "Executive summary",
                "Introduction",
                "Background",
                "Overview of supply",
                "Existing policy",
                "Policy options",
                "Eradication",
                "Alternative livelihoods",
                "Legalization of poppy cultivation",
                "Interdiction as disruption and incapacitation",
                "Interdiction as deterrence and shaper of behavior",
                "Conclusion and recommendations",
                "Recommendations",
            ],
        ),
        (
            "perry-2020",
            &[
                "Heroin",
                "Fentanyl",
                "The Drug Trade Empowered by the Darknet",
                "Demand Reduction and Treatment Measures",
                "Supply Reduction Measures",
                "Detection and Interdiction Measures",
                "Financial and Cyber Measures",
                "Violence and Arms Trafficking Reduction Measures",
                "Policy Options for Countering the Evolving Drug Trade in the Americas",
            ],
        ),
        ("judgment", &[]),
    ];
    let m = model();
    for row in &m.evidence {
        for e in row {
            let source = e.source.as_deref().unwrap_or("");
            let (id, section) = match source.split_once(" §") {
                Some((id, section)) => (id, Some(section)),
                None => (source, None),
            };
            let known = headings
                .iter()
                .find(|(s, _)| *s == id)
                .unwrap_or_else(|| panic!("unknown source in `{source}`"));
            if let Some(section) = section {
                assert!(
                    known.1.contains(&section),
                    "`{source}` names no heading of {id}"
                );
            }
        }
    }
}

#[test]
fn the_options_criteria_and_profiles_cover_what_the_model_promises() {
    let m = model();
    for id in [
        "eradication",
        "alternative_livelihoods",
        "poppy_licensing",
        "heroin_interdiction",
        "poppy_region_security",
        "lab_dismantling",
        "focused_deterrence",
        "us_distributor_targeting",
        "pill_press_controls",
        "precursor_controls",
        "precursor_diplomacy",
        "anti_drone_geofencing",
        "maritime_interdiction",
        "fto_designation",
        "fto_leverage",
        "decertification",
        "aid_conditioning",
        "middle_layer_targeting",
        "high_value_targeting",
        "extraditions",
        "justice_capacity",
        "port_anticorruption",
        "mexico_public_health",
        "us_penalties",
        "financial_sanctions",
        "anti_money_laundering",
        "tariff_pressure",
        "unilateral_military",
        "detection_capacity",
        "darknet_operations",
        "postal_screening",
        "arms_trafficking",
        "us_demand_reduction",
        "intelligence_sharing",
        "customs_reform",
    ] {
        assert!(m.option_index(id).is_some(), "missing option {id}");
    }
    assert!(m.criteria.len() >= 10);
    assert!(m.groups.len() >= 3);
    assert!(
        m.criteria.iter().all(|c| c.group.is_some()),
        "every criterion is in a group"
    );
    assert!(
        m.criteria
            .iter()
            .all(|c| c.description.contains('0') && c.description.contains("10"))
    );
    for c in &m.criteria {
        // Every scale is anchored in words at 0, the midpoint and 10.
        assert_eq!((c.scale.min, c.scale.max), (0.0, 10.0), "{}", c.id);
        for anchor in [" 0: ", " 5: ", " 10: "] {
            assert!(
                c.description.contains(anchor),
                "{} has no anchor `{anchor}`",
                c.id
            );
        }
    }
    for id in [
        "balanced",
        "us_enforcement",
        "mexico_gov",
        "public_health",
        "rural_rights",
        "appropriators",
        "us_administration_2025",
    ] {
        assert!(m.profile_index(id).is_some(), "missing profile {id}");
    }
    assert!(
        m.profiles.iter().any(|p| !p.bounds.is_empty()),
        "no profile has bounds"
    );
    let forms: Vec<&str> = m.profiles.iter().map(|p| p.form.name()).collect();
    for form in ["weights", "group_weights", "ranking", "pairwise"] {
        assert!(forms.contains(&form), "no profile of form {form}");
    }
    for p in &m.profiles {
        assert!(
            p.description.len() > 80,
            "profile {} needs a rationale",
            p.id
        );
        let w = tradeoffs::weights::of_profile(&m, p).weights;
        for b in &p.bounds {
            let share = w[b.criterion];
            assert!(
                b.low - 1e-9 <= share && share <= b.high + 1e-9,
                "{}: its own weight {share} on {} lies outside its bounds",
                p.id,
                m.criteria[b.criterion].id
            );
        }
        if let ProfileForm::Pairwise { .. } = p.form {
            let w = tradeoffs::weights::of_profile(&m, p);
            let cr = w.ahp.expect("AHP figures").consistency_ratio;
            assert!(cr.is_some_and(|cr| cr <= 0.1), "{}: CR {cr:?}", p.id);
        }
    }
}

#[test]
fn ranking_runs_under_every_profile() {
    let m = model();
    for p in &m.profiles {
        let w = tradeoffs::weights::of_profile(&m, p).weights;
        let report = tradeoffs::rank(&m, p.id.as_str(), &w, tradeoffs::MethodKind::Wsm);
        assert_eq!(report.ranking.len(), m.options.len());
        assert!(
            report
                .ranking
                .iter()
                .all(|r| (0.0..=1.0).contains(&r.score))
        );
    }
}
