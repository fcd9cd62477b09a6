//! The 16 ANSI colours, for a terminal that has no more: the one nearest a
//! colour by hue, and for a list of themes, colours kept apart, so that
//! twelve themes show in twelve colours rather than four of them in red.

use ratatui::style::Color;

/// The six ANSI hues, 60° apart from red, each as (normal, light).
const HUES: [(Color, Color); 6] = [
    (Color::Red, Color::LightRed),
    (Color::Yellow, Color::LightYellow),
    (Color::Green, Color::LightGreen),
    (Color::Cyan, Color::LightCyan),
    (Color::Blue, Color::LightBlue),
    (Color::Magenta, Color::LightMagenta),
];

/// The ANSI colours with a hue: the six hues, normal then light.
const SLOTS: usize = 2 * HUES.len();

/// A colour's hue in degrees and whether it is light; `None` for one with
/// too little chroma to have a hue (a grey).
fn hue_of((r, g, b): (u8, u8, u8)) -> Option<(f32, bool)> {
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let chroma = max - min;
    if chroma < 48 {
        return None;
    }
    let (rf, gf, bf, c) = (f32::from(r), f32::from(g), f32::from(b), f32::from(chroma));
    let hue = if max == r {
        60.0 * ((gf - bf) / c).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((bf - rf) / c + 2.0)
    } else {
        60.0 * ((rf - gf) / c + 4.0)
    };
    Some((hue, (u16::from(max) + u16::from(min)) / 2 > 150))
}

/// Black, dark grey, grey or white, by brightness.
fn grey_of((r, g, b): (u8, u8, u8)) -> Color {
    match r.max(g).max(b) {
        0..64 => Color::Black,
        64..160 => Color::DarkGray,
        160..240 => Color::Gray,
        _ => Color::White,
    }
}

/// Slot `slot` (`0..SLOTS`): hue `slot % 6`, light from 6 on.
fn slot_colour(slot: usize) -> Color {
    let (normal, light) = HUES[slot % HUES.len()];
    if slot < HUES.len() { normal } else { light }
}

/// One of the 16 ANSI colours, by hue rather than by distance (the
/// terminal's theme decides what they look like, so the hue is what can be
/// kept): colours with little chroma become black, dark grey, grey or
/// white by brightness; the others take the ANSI hue nearest theirs (red,
/// yellow, green, cyan, blue, magenta), in its light form when the colour
/// is light.
pub fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    match hue_of(rgb) {
        None => grey_of(rgb),
        Some((hue, light)) => {
            let sector = (((hue + 30.0) / 60.0) as usize) % HUES.len();
            slot_colour(sector + if light { HUES.len() } else { 0 })
        }
    }
}

/// How far slot `slot` is from hue `hue` (light or not): the squared
/// angle between the hues, and a light colour shown dark (or the reverse)
/// counted as 30° more.
fn cost((hue, light): (f32, bool), slot: usize) -> u32 {
    let at = 60.0 * (slot % HUES.len()) as f32;
    let apart = (hue - at).abs();
    let angle = apart.min(360.0 - apart) as u32;
    let shade = if light == (slot >= HUES.len()) {
        0
    } else {
        30 * 30
    };
    angle * angle + shade
}

/// The ANSI colours of themes coloured `rgbs` (`None`: no colour). The
/// first twelve themes with a hue take twelve different colours, chosen
/// together so that their hues move least in all (four reds become red,
/// light red, magenta and light yellow, not red four times); themes past
/// them, and greys, take their [`nearest_16`].
pub fn apart_16(rgbs: &[Option<(u8, u8, u8)>]) -> Vec<Option<Color>> {
    let mut out: Vec<Option<Color>> = rgbs.iter().map(|c| c.map(nearest_16)).collect();
    let hued: Vec<(usize, (f32, bool))> = rgbs
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, hue_of((*c)?)?)))
        .take(SLOTS)
        .collect();
    let hues: Vec<(f32, bool)> = hued.iter().map(|&(_, h)| h).collect();
    for ((i, _), slot) in hued.iter().zip(least_moved(&hues)) {
        out[*i] = Some(slot_colour(slot));
    }
    out
}

/// For at most [`SLOTS`] hues, one slot each, all different, with the
/// least cost in all: over the slots taken so far (2^12 sets), the best
/// way to place the hues still to come, the first such on a tie.
fn least_moved(hues: &[(f32, bool)]) -> Vec<usize> {
    debug_assert!(hues.len() <= SLOTS);
    // best[taken]: the least cost of placing hues[taken.count_ones()..]
    // in slots not in `taken`, and the slot the next one takes.
    let mut best: Vec<(u32, usize)> = vec![(u32::MAX, 0); 1 << SLOTS];
    for taken in (0..1usize << SLOTS).rev() {
        let next = taken.count_ones() as usize;
        if next >= hues.len() {
            best[taken] = (0, 0);
            continue;
        }
        for slot in (0..SLOTS).filter(|s| taken & (1 << s) == 0) {
            let rest = best[taken | 1 << slot].0;
            let total = rest.saturating_add(cost(hues[next], slot));
            if total < best[taken].0 {
                best[taken] = (total, slot);
            }
        }
    }
    let mut taken = 0;
    (0..hues.len())
        .map(|_| {
            let slot = best[taken].1;
            taken |= 1 << slot;
            slot
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in() -> Vec<Option<(u8, u8, u8)>> {
        let themes = crate::themes::Themes::builtin();
        themes.themes.iter().map(|t| t.rgb()).collect()
    }

    fn angle(a: f32, b: f32) -> f32 {
        let d = (a - b).abs();
        d.min(360.0 - d)
    }

    /// The twelve built-in themes take the twelve hued ANSI colours, each
    /// within 60° of its own hue.
    #[test]
    fn the_built_in_themes_take_twelve_colours_near_their_own() {
        let rgbs = built_in();
        let colours = apart_16(&rgbs);
        let mut seen: Vec<String> = colours.iter().map(|c| format!("{c:?}")).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 12, "{colours:?}");
        for (rgb, colour) in rgbs.iter().zip(&colours) {
            let (hue, _) = hue_of(rgb.unwrap()).unwrap();
            let slot = (0..SLOTS)
                .find(|&s| Some(slot_colour(s)) == *colour)
                .unwrap();
            let at = 60.0 * (slot % HUES.len()) as f32;
            assert!(angle(hue, at) <= 60.0, "{rgb:?} shown {colour:?}");
        }
        // Without others beside it, each keeps its nearest.
        for rgb in rgbs {
            assert_eq!(apart_16(&[rgb]), vec![rgb.map(nearest_16)]);
        }
    }

    /// Themes already apart keep their nearest; greys, themes without a
    /// colour and themes past the twelfth hued one are left as they are.
    #[test]
    fn only_crowded_hues_move() {
        let apart = [(255, 0, 0), (0, 160, 0), (0, 0, 255)].map(Some);
        assert_eq!(
            apart_16(&apart),
            vec![Some(Color::Red), Some(Color::Green), Some(Color::Blue)]
        );
        let reds = [(220, 0, 0), (200, 30, 30), (128, 128, 128), (230, 20, 0)];
        let mut rgbs: Vec<_> = reds.into_iter().map(Some).collect();
        rgbs.insert(1, None);
        let got = apart_16(&rgbs);
        assert_eq!(got[0], Some(Color::Red));
        assert_eq!(got[1], None);
        assert_eq!(got[3], Some(Color::DarkGray));
        assert!(got[2] != got[0] && got[4] != got[0] && got[2] != got[4]);
        let many: Vec<_> = (0..14).map(|i| Some((200, 10 * i as u8, 0))).collect();
        let got = apart_16(&many);
        assert_eq!(got[12], many[12].map(nearest_16));
        assert_eq!(got[13], many[13].map(nearest_16));
    }
}
