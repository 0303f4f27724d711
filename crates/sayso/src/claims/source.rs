//! Who makes a claim (SPEC §2): the speaker of the attribution whose content covers the
//! sentence, else the document's author, else nobody (the publication itself).

use crate::document::{Attribution, Entity, EntityId, EntityKind, Evidence};
use crate::span::Span;
use std::borrow::Borrow;

/// The attribution whose content covers `sentence`: the one overlapping it most, when it
/// overlaps, with its source, cue and cited source, at least 40% of the sentence or holds
/// every evidence span (a reported clause
/// inside a longer sentence: "X said the talks failed"). Ties go to the innermost content.
fn covering<'a, 't, A: Borrow<Attribution<'t>>>(
    sentence: Span<'t>,
    evidence: &[Evidence<'t>],
    attributions: &'a [A],
) -> Option<&'a Attribution<'t>> {
    let mut best: Option<(usize, usize, &Attribution<'t>)> = None;
    for a in attributions {
        let a = a.borrow();
        let c = a.content;
        let within = |x: Span<'t>| {
            x.end()
                .min(sentence.end())
                .saturating_sub(x.start().max(sentence.start()))
        };
        let overlap = within(c);
        if overlap == 0 {
            continue;
        }
        // The attribution's frame (source, cue, cited source) is no part of the sentence
        // it leaves uncovered: "According to the FT, citing three officials, <clause>."
        let framed = overlap
            + [a.source, a.cue, a.via]
                .into_iter()
                .flatten()
                .map(within)
                .sum::<usize>();
        let holds_evidence = !evidence.is_empty()
            && evidence
                .iter()
                .all(|e| e.span.start() >= c.start() && e.span.end() <= c.end());
        if framed * 5 < sentence.len() * 2 && !holds_evidence {
            continue;
        }
        let better = match best {
            None => true,
            Some((o, len, _)) => overlap > o || overlap == o && c.len() < len,
        };
        if better {
            best = Some((overlap, c.len(), a));
        }
    }
    best.map(|(_, _, a)| a)
}

/// The document's author entity, if it has one.
pub(crate) fn author(entities: &[Entity<'_>]) -> Option<EntityId> {
    entities
        .iter()
        .find(|e| e.kind == EntityKind::Author)
        .map(|e| e.id)
}

/// The source entity of a claim made by `sentence` with `evidence`; `author` is the
/// document's [`author`].
/// `attributions` may be borrowed: the tagger keeps a window of references.
pub(crate) fn source<'t, A: Borrow<Attribution<'t>>>(
    sentence: Span<'t>,
    evidence: &[Evidence<'t>],
    attributions: &[A],
    author: Option<EntityId>,
) -> Option<EntityId> {
    covering(sentence, evidence, attributions)
        .and_then(|a| a.entity)
        .or(author)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{AttributionKind, Label};

    fn attribution<'t>(text: &'t str, content: &str, entity: Option<EntityId>) -> Attribution<'t> {
        let start = text.find(content).unwrap();
        Attribution {
            source: None,
            speaker: None,
            entity,
            cue: None,
            content: Span::new(text, start, start + content.len()).unwrap(),
            kind: AttributionKind::Indirect,
            channel: None,
            via: None,
        }
    }

    fn entity(id: EntityId, kind: EntityKind) -> Entity<'static> {
        Entity {
            id,
            name: format!("e{id}"),
            kind,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn speaker_of_covering_content_else_author_else_none() {
        let text = "Olena Kovalenko said the bridge collapsed on Friday. Rain fell in Lviv.";
        let s1 = Span::new(text, 0, 52).unwrap();
        let s2 = Span::new(text, 53, text.len()).unwrap();
        let atts = [attribution(text, "the bridge collapsed on Friday", Some(2))];
        let ev = |s: &str| {
            let at = text.find(s).unwrap();
            vec![Evidence {
                label: Label::Event,
                span: Span::new(text, at, at + s.len()).unwrap(),
            }]
        };
        let entities = [entity(1, EntityKind::Author), entity(2, EntityKind::Person)];
        let au = author(&entities);
        assert_eq!(au, Some(1));
        assert_eq!(source(s1, &ev("bridge collapsed"), &atts, au), Some(2));
        assert_eq!(source(s2, &ev("Rain fell"), &atts, au), Some(1));
        let none = author(&entities[1..]);
        assert_eq!(source(s2, &ev("Rain fell"), &atts, none), None);
    }

    #[test]
    fn a_short_quoted_word_does_not_take_the_sentence() {
        let text = "The senator called the plan a “disaster” during a long hearing in the capital.";
        let s = Span::new(text, 0, text.len()).unwrap();
        let atts = [attribution(text, "disaster", Some(2))];
        let at = text.find("called the plan").unwrap();
        let ev = [Evidence {
            label: Label::Event,
            span: Span::new(text, at, at + 15).unwrap(),
        }];
        let au = author(&[entity(1, EntityKind::Person)]);
        assert_eq!(source(s, &ev, &atts, au), None);
    }

    #[test]
    fn nested_content_goes_to_the_outer_speaker() {
        let text = "Musk said he would fix a feature that he claims favors rivals.";
        let s = Span::new(text, 0, text.len()).unwrap();
        let outer = attribution(
            text,
            "he would fix a feature that he claims favors rivals",
            Some(3),
        );
        let inner = attribution(text, "favors rivals", Some(4));
        let ents = [entity(1, EntityKind::Author)];
        assert_eq!(source(s, &[], &[inner, outer], author(&ents)), Some(3));
    }
    #[test]
    fn the_attribution_frame_counts_as_covered() {
        let text = "According to the Financial Times, citing three officials familiar with \
                    the talks, the U.S. pressed both sides to settle before winter.";
        let s = Span::new(text, 0, text.len()).unwrap();
        let span = |w: &str| {
            let at = text.find(w).unwrap();
            Span::new(text, at, at + w.len()).unwrap()
        };
        let mut a = attribution(
            text,
            "the U.S. pressed both sides to settle before winter",
            Some(2),
        );
        let ev = [Evidence {
            label: Label::Quantity,
            span: span("three officials"),
        }];
        // The content alone is a third of the sentence.
        assert_eq!(source(s, &ev, std::slice::from_ref(&a), None), None);
        a.source = Some(span("the Financial Times"));
        a.cue = Some(span("According to"));
        a.via = Some(span("three officials familiar with the talks"));
        assert_eq!(source(s, &ev, &[a], None), Some(2));
    }
}
