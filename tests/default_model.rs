//! The model compiled into the binary: valid under --strict, every score cited,
//! and the shape docs/model.md promises.

use assert_cmd::Command;
use tradeoffs::input::{DEFAULT_CRITERIA, DEFAULT_OPTIONS};
use tradeoffs::model::ProfileForm;

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

#[test]
fn every_score_has_a_reason_and_a_citation_and_a_quarter_have_ranges() {
    let m = model();
    let mut ranged = 0;
    let mut total = 0;
    for (option, row) in m.options.iter().zip(&m.evidence) {
        for (criterion, e) in m.criteria.iter().zip(row) {
            assert!(!e.imputed, "{} has no score on {}", option.id, criterion.id);
            let why = e.why.as_deref().unwrap_or("");
            let source = e.source.as_deref().unwrap_or("");
            assert!(!why.is_empty(), "{} / {}: no why", option.id, criterion.id);
            assert!(
                source.contains('§'),
                "{} / {}: source names no section",
                option.id,
                criterion.id
            );
            total += 1;
            if e.low.is_some() && e.high.is_some() {
                ranged += 1;
            }
        }
    }
    assert!(
        4 * ranged >= total,
        "{ranged} of {total} scores have a range"
    );
}

#[test]
fn the_options_criteria_and_profiles_cover_what_the_model_promises() {
    let m = model();
    for id in [
        "eradication",
        "alternative_livelihoods",
        "poppy_licensing",
        "lab_dismantling",
        "focused_deterrence",
        "pill_press_controls",
        "anti_drone_geofencing",
        "fto_designation",
        "fto_leverage",
        "middle_layer_targeting",
        "high_value_targeting",
        "port_anticorruption",
        "mexico_public_health",
        "decertification",
        "precursor_controls",
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
    assert!(m.profiles.len() >= 5);
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
