//! Fitting the status line's parts into its width: each part's forms,
//! longest first, chosen by priority, a notice taking room from the
//! longer forms before it, and room left over given back.

use crate::text::str_width;

/// One part of the status line: the forms it may take, longest first, and
/// its priority (0 first); `chosen` is the form that fits, if any.
pub(super) struct Part {
    pub(super) priority: u8,
    pub(super) forms: Vec<String>,
    pub(super) chosen: Option<usize>,
    /// The shortest form a notice may push the part to
    /// ([`let_a_notice_grow`]); the last when `None`.
    floor: Option<usize>,
    /// The form it grows to before the parts after it in priority grow at
    /// all ([`fit`]); the first when `None`.
    core: Option<usize>,
    /// The priority it is placed at in its shortest form, if not its own.
    place_priority: Option<u8>,
}

impl Part {
    pub(super) fn new(priority: u8, forms: Vec<String>) -> Part {
        Part {
            priority,
            forms,
            chosen: None,
            floor: None,
            core: None,
            place_priority: None,
        }
    }

    /// Placed in its shortest form as a part of `priority` would be (the
    /// filter's `3∨ 4/9` before a long notice), growing at its own.
    pub(super) fn placed_early(mut self, priority: u8) -> Part {
        self.place_priority = Some(priority);
        self
    }

    fn placed_at(&self) -> u8 {
        self.place_priority.unwrap_or(self.priority)
    }

    /// With `core` as the form it grows to before the less important
    /// parts grow.
    pub(super) fn grown_first_to(mut self, core: usize) -> Part {
        self.core = Some(core.min(self.forms.len().saturating_sub(1)));
        self
    }

    /// With `floor` as the shortest form a notice may push it to.
    pub(super) fn floored(mut self, floor: usize) -> Part {
        self.floor = Some(floor.min(self.forms.len().saturating_sub(1)));
        self
    }

    pub(super) fn text(&self) -> Option<&str> {
        self.chosen.map(|i| self.forms[i].as_str())
    }
}

/// The priority of key hints: shown only where everything else has room.
pub(super) const HINTS_PRIORITY: u8 = 5;

/// The priority of the hints while the terminal has the mouse: their
/// first, `mouse: terminal (v)`, is kept before the title.
pub(super) const MOUSE_HINT_PRIORITY: u8 = 3;

/// A notice's priority: after the paragraph and the search; cut short, it
/// takes room from their longer forms ([`let_a_notice_grow`]).
pub(super) const NOTICE_PRIORITY: u8 = 2;

/// Parts of this priority and less important (the title, a warning, key
/// hints) are left out before the others are shortened.
pub(super) const OPTIONAL_PRIORITY: u8 = 4;

/// Lets the form chosen for `parts[i]` grow into the columns left over
/// once everything is placed: `longer(width now, columns left)` gives the
/// longer form, taken where it is wider and still fits, never taking room
/// the rest was given.
pub(super) fn grow_into_room_left(
    parts: &mut [Part],
    i: usize,
    right: &Part,
    width: usize,
    longer: impl Fn(usize, usize) -> Option<String>,
) {
    let Some(k) = parts[i].chosen else {
        return;
    };
    let room_left = width.saturating_sub(used(parts, right));
    let now = str_width(&parts[i].forms[k]);
    if let Some(longer) = longer(now, room_left)
        && str_width(&longer) > now
        && str_width(&longer) <= now + room_left
    {
        parts[i].forms[k] = longer;
    }
}

/// Columns the parts' chosen forms take, with their separators and two
/// spaces at least between the left and the right side.
fn used(left: &[Part], right: &Part) -> usize {
    let texts: Vec<&str> = left.iter().filter_map(Part::text).collect();
    let l =
        2 + texts.iter().map(|t| str_width(t)).sum::<usize>() + 3 * texts.len().saturating_sub(1);
    l + right.text().map_or(0, |r| str_width(r) + 2)
}

/// Chooses, in priority order, the longest form of each part that still
/// fits in `width` with what was chosen before; a part with no fitting
/// form is left out.
pub(super) fn fit(left: &mut [Part], right: &mut Part, width: usize) {
    let mut order: Vec<Option<usize>> = (0..left.len()).map(Some).collect();
    order.push(None);
    order.sort_by_key(|i| i.map_or(right.priority, |i| left[i].priority));
    let count = |left: &[Part], right: &Part, slot: Option<usize>| {
        slot.map_or(right.forms.len(), |i| left[i].forms.len())
    };
    let set = |left: &mut [Part], right: &mut Part, slot: Option<usize>, form: Option<usize>| {
        match slot {
            Some(i) => left[i].chosen = form,
            None => right.chosen = form,
        }
    };
    // First every part that must be there, by priority, in its shortest
    // form (or the shortest that still names what it must: the
    // paragraph's name, where it fits): a notice is not crowded out by a
    // long breadcrumb. The optional parts only come in the second round.
    // A part placed early ([`Part::placed_early`]) takes its shortest form
    // before the notice does, though it grows after it.
    // (Of equal priority, the left side's parts first.)
    let mut placing: Vec<Option<usize>> = (0..left.len()).map(Some).chain([None]).collect();
    placing.sort_by_key(|i| i.map_or(right.priority, |i| left[i].placed_at()));
    for &slot in &placing {
        let n = count(left, right, slot);
        let placed_at = slot.map_or(right.priority, |i| left[i].placed_at());
        if n == 0 || placed_at >= OPTIONAL_PRIORITY {
            continue;
        }
        let floor = slot.and_then(|i| left[i].floor).unwrap_or(n - 1);
        for form in [Some(floor), Some(n - 1), None] {
            set(left, right, slot, form);
            if form.is_none() || used(left, right) <= width {
                break;
            }
        }
    }
    // Then, by priority, each part as long as still fits: first the parts
    // that must be there (not the hints), only as far as their core form
    // (the place without its count in its section, the search without its
    // hits in notes), so that the filter's names come before those
    // extras; then every part wholly.
    for first in [true, false] {
        for &slot in &order {
            let was = slot.map_or(right.chosen, |i| left[i].chosen);
            let priority = slot.map_or(right.priority, |i| left[i].priority);
            let core = slot.and_then(|i| left[i].core).filter(|_| first);
            let start = core.unwrap_or(0);
            let placed = was.is_none() && priority < OPTIONAL_PRIORITY;
            let hints = slot.is_none() && priority != NOTICE_PRIORITY;
            let later = first && (hints || priority >= OPTIONAL_PRIORITY);
            if placed || later || was.is_some_and(|w| w <= start) {
                continue;
            }
            for form in start..count(left, right, slot) {
                set(left, right, slot, Some(form));
                if used(left, right) <= width {
                    break;
                }
                set(left, right, slot, was);
            }
        }
    }
    let_a_notice_grow(left, right, width, used);
}

/// A notice cut short takes room from the longer forms of the parts before
/// it (a section name shortened, never a number): it answers what was just
/// done, and a cut citation is no answer.
fn let_a_notice_grow(
    left: &mut [Part],
    right: &mut Part,
    width: usize,
    used: impl Fn(&[Part], &Part) -> usize,
) {
    if right.priority != NOTICE_PRIORITY {
        return;
    }
    for i in 0..left.len() {
        let Some(chosen) = left[i].chosen else {
            continue;
        };
        if left[i].priority >= NOTICE_PRIORITY || right.chosen == Some(0) {
            continue;
        }
        let notice_was = right.chosen;
        // A notice that would not show at all (a question before a note is
        // deleted, beside a long place) may take the place's name too.
        let floor = match notice_was {
            None => left[i].forms.len() - 1,
            Some(_) => left[i].floor.unwrap_or(left[i].forms.len() - 1),
        };
        // The least shortening that shows the notice whole, else the one
        // that shows the most of it.
        let mut best: Option<(usize, usize)> = None;
        for shorter in chosen + 1..=floor {
            left[i].chosen = Some(shorter);
            let longer = (0..notice_was.unwrap_or(right.forms.len())).find(|&form| {
                right.chosen = Some(form);
                used(left, right) <= width
            });
            if let Some(form) = longer
                && best.is_none_or(|(_, was)| form < was)
            {
                best = Some((shorter, form));
            }
            if longer == Some(0) {
                break;
            }
        }
        match best {
            Some((shorter, form)) => {
                (left[i].chosen, right.chosen) = (Some(shorter), Some(form));
                // Still cut: the next part gives room too (the search's
                // short form, `/ 1/3`).
                if form == 0 {
                    return;
                }
            }
            None => (left[i].chosen, right.chosen) = (Some(chosen), notice_was),
        }
    }
}
