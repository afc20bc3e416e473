//! A small flow layout: headings, paragraphs, framed boxes, tables with wrapped cells and
//! signature lines, poured onto pages top to bottom; then a header and a footer ("page x of
//! y") on every page once the page count is known. Pure: it measures text with [`Fonts`]
//! and returns drawing operations for the PDF writer.

use crate::report::fonts::{Fonts, REPLACEMENT, Weight};

/// How a run of text looks. `grey` is 0 (black) to 255 (white): the page never relies on
/// colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub weight: Weight,
    pub size: f32,
    pub grey: u8,
}

impl TextStyle {
    /// Regular black text.
    pub const fn regular(size: f32) -> Self {
        Self { weight: Weight::Regular, size, grey: 0 }
    }

    /// Bold black text.
    pub const fn bold(size: f32) -> Self {
        Self { weight: Weight::Bold, size, grey: 0 }
    }

    /// The same style in a grey.
    pub const fn grey(self, grey: u8) -> Self {
        Self { grey, ..self }
    }
}

/// A run of text in one style. A `\n` in the text breaks the line.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub text: String,
    pub style: TextStyle,
}

impl TextRun {
    /// A span.
    pub fn new(text: impl Into<String>, style: TextStyle) -> Self {
        Self { text: text.into(), style }
    }
}

/// Text wrapped to the width it is given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub spans: Vec<TextRun>,
}

impl Paragraph {
    /// A paragraph of one span.
    pub fn plain(text: impl Into<String>, style: TextStyle) -> Self {
        Self { spans: vec![TextRun::new(text, style)] }
    }

    /// Appends a span.
    pub fn with(mut self, text: impl Into<String>, style: TextStyle) -> Self {
        self.spans.push(TextRun::new(text, style));
        self
    }
}

/// A table: column widths as fractions of the text width, an optional header row that is
/// repeated on every page the table continues on, and rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Option<Vec<Vec<Paragraph>>>,
    pub rows: Vec<Row>,
    /// Draw a rule under each row.
    pub ruled: bool,
}

/// A table row: one list of paragraphs per cell, optionally on a grey background.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Vec<Paragraph>>,
    /// Background grey (0 black to 255 white), for rows that need attention.
    pub shade: Option<u8>,
}

impl Row {
    /// A row on white.
    pub fn new(cells: Vec<Vec<Paragraph>>) -> Self {
        Self { cells, shade: None }
    }
}

/// One element of the flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading, kept on the page of what follows it.
    Heading(Paragraph),
    Paragraph(Paragraph),
    /// Paragraphs in a frame with a grey fill, kept on one page (a verdict, a warning).
    Framed {
        paragraphs: Vec<Paragraph>,
        fill: u8,
        border: f32,
    },
    Table(Table),
    /// Lines to write on by hand, each with its label underneath.
    SignatureLines(Vec<String>),
    /// Vertical space in points.
    Space(f32),
}

/// Page size and margins in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// Room kept at the top for the running header and at the bottom for the footer.
    pub header: f32,
    pub footer: f32,
}

impl Geometry {
    fn text_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    fn top(&self) -> f32 {
        self.margin + self.header
    }

    fn bottom(&self) -> f32 {
        self.height - self.margin - self.footer
    }
}

/// A drawing operation; coordinates in points from the top left, `y` of text is its
/// baseline.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    Text { x: f32, y: f32, text: String, style: TextStyle },
    Line { x1: f32, y1: f32, x2: f32, y2: f32, width: f32, grey: u8 },
    Rect { x: f32, y: f32, width: f32, height: f32, fill: u8, border: f32 },
}

/// One laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub ops: Vec<Op>,
}

/// What every page carries: a header line and a footer whose left part may wrap; the
/// right part of the footer gets "Page x of y".
#[derive(Clone, Debug, PartialEq)]
pub struct PageFrame {
    pub header_left: String,
    pub header_right: String,
    pub footer_left: String,
}

const LINE_SPACING: f32 = 1.22;
const BASELINE: f32 = 0.95;
const CELL_PAD_X: f32 = 3.0;
const CELL_PAD_Y: f32 = 2.5;
const PARAGRAPH_GAP: f32 = 2.0;
const FRAME_PAD: f32 = 5.0;
/// Space above and below a frame.
const FRAME_MARGIN: f32 = 3.0;
const KEEP_WITH_HEADING: f32 = 48.0;
const FRAME_STYLE: TextStyle = TextStyle::regular(7.0);
const HEADER_SHADE: u8 = 225;
/// Width and grey of the rule under a table header and under a row.
const HEADER_RULE: (f32, u8) = (0.8, 0);
const BODY_RULE: (f32, u8) = (0.4, 150);

/// A laid-out line: runs at x offsets from the line's left edge.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    runs: Vec<(f32, String, TextStyle)>,
    height: f32,
    baseline: f32,
}

/// Lines with their offsets from the top of their container.
#[derive(Clone, Debug, Default, PartialEq)]
struct Stack {
    lines: Vec<(f32, Line)>,
    height: f32,
}

/// The flow being laid out.
pub struct Flow<'f> {
    fonts: &'f Fonts,
    geometry: Geometry,
    pages: Vec<Page>,
    y: f32,
    replaced: usize,
}

impl<'f> Flow<'f> {
    /// An empty flow on one empty page.
    pub fn new(fonts: &'f Fonts, geometry: Geometry) -> Self {
        Self { fonts, geometry, pages: vec![Page::default()], y: geometry.top(), replaced: 0 }
    }

    /// How many characters the fonts lack were printed as the replacement character.
    pub fn replaced_characters(&self) -> usize {
        self.replaced
    }

    /// Lays out blocks in order.
    pub fn push_all(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.push(block);
        }
    }

    /// Lays out one block.
    pub fn push(&mut self, block: &Block) {
        let width = self.geometry.text_width();
        let left = self.geometry.margin;
        match block {
            Block::Heading(paragraph) => {
                let stack = self.stack(std::slice::from_ref(paragraph), width);
                if self.y + stack.height + KEEP_WITH_HEADING > self.geometry.bottom() {
                    self.new_page();
                }
                self.place_stack(&stack, left);
            }
            Block::Paragraph(paragraph) => {
                let stack = self.stack(std::slice::from_ref(paragraph), width);
                self.place_stack(&stack, left);
            }
            Block::Framed { paragraphs, fill, border } => {
                let stack = self.stack(paragraphs, width - 2.0 * FRAME_PAD);
                let height = stack.height + 2.0 * FRAME_PAD;
                if self.y + FRAME_MARGIN + height > self.geometry.bottom() && self.y > self.geometry.top() {
                    self.new_page();
                }
                let top = self.y + FRAME_MARGIN;
                self.op(Op::Rect { x: left, y: top, width, height, fill: *fill, border: *border });
                self.draw_stack(&stack, left + FRAME_PAD, top + FRAME_PAD);
                self.y = top + height + FRAME_MARGIN;
            }
            Block::Table(table) => self.table(table),
            Block::SignatureLines(labels) => self.signature_lines(labels),
            Block::Space(points) => {
                self.y += points;
                if self.y > self.geometry.bottom() {
                    self.new_page();
                }
            }
        }
    }

    /// Finishes the flow: every page gets the header and footer.
    pub fn finish(self, frame: &PageFrame) -> Vec<Page> {
        let Self { fonts, geometry, mut pages, .. } = self;
        let total = pages.len();
        let style = FRAME_STYLE.grey(60);
        let left = geometry.margin;
        let right = geometry.width - geometry.margin;
        // The running header is one line, cut to fit once here: repeated in full on every
        // page, a long text (a page count that grows with it) made the layout quadratic.
        let header_right = fit_line(fonts, &frame.header_right, style, (right - left) / 2.0);
        let header_right_width = fonts.width(&header_right, style.weight, style.size);
        let header_left = fit_line(fonts, &frame.header_left, style, right - left - header_right_width - 12.0);
        for (index, page) in pages.iter_mut().enumerate() {
            let header_y = geometry.margin + style.size;
            page.ops.push(Op::Text { x: left, y: header_y, text: header_left.clone(), style });
            page.ops.push(Op::Text { x: right - header_right_width, y: header_y, text: header_right.clone(), style });
            let rule_y = header_y + 3.0;
            page.ops.push(Op::Line { x1: left, y1: rule_y, x2: right, y2: rule_y, width: 0.5, grey: 120 });

            let page_text =
                crate::i18n::text_with("pdf-page", &[("page", (index + 1).to_string()), ("pages", total.to_string())]);
            let page_style = TextStyle::bold(FRAME_STYLE.size);
            let page_width = fonts.width(&page_text, page_style.weight, page_style.size);
            let footer_top = geometry.height - geometry.margin - geometry.footer + 6.0;
            page.ops.push(Op::Line { x1: left, y1: footer_top, x2: right, y2: footer_top, width: 0.5, grey: 120 });
            let lines =
                wrap(fonts, &[TextRun::new(frame.footer_left.clone(), style)], right - left - page_width - 12.0).0;
            let mut y = footer_top + 3.0;
            for (line_index, line) in lines.iter().enumerate() {
                for (x, text, style) in &line.runs {
                    page.ops.push(Op::Text { x: left + x, y: y + line.baseline, text: text.clone(), style: *style });
                }
                if line_index == 0 {
                    page.ops.push(Op::Text {
                        x: right - page_width,
                        y: y + line.baseline,
                        text: page_text.clone(),
                        style: page_style,
                    });
                }
                y += line.height;
            }
        }
        pages
    }

    fn op(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.geometry.top();
    }

    /// Paragraphs stacked in a width, with a small gap between paragraphs.
    fn stack(&mut self, paragraphs: &[Paragraph], width: f32) -> Stack {
        let mut stack = Stack::default();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if index > 0 {
                stack.height += PARAGRAPH_GAP;
            }
            let (lines, replaced) = wrap(self.fonts, &paragraph.spans, width);
            self.replaced += replaced;
            for line in lines {
                let height = line.height;
                stack.lines.push((stack.height, line));
                stack.height += height;
            }
        }
        stack
    }

    fn draw_stack(&mut self, stack: &Stack, x: f32, top: f32) {
        for (offset, line) in &stack.lines {
            self.draw_line(line, x, top + offset);
        }
    }

    fn draw_line(&mut self, line: &Line, x: f32, top: f32) {
        for (dx, text, style) in &line.runs {
            self.op(Op::Text { x: x + dx, y: top + line.baseline, text: text.clone(), style: *style });
        }
    }

    /// Places lines in the flow, continuing on a new page where the page is full.
    fn place_stack(&mut self, stack: &Stack, x: f32) {
        for (_, line) in &stack.lines {
            if self.y + line.height > self.geometry.bottom() && self.y > self.geometry.top() {
                self.new_page();
            }
            self.draw_line(line, x, self.y);
            self.y += line.height;
        }
        self.y += PARAGRAPH_GAP;
    }

    fn table(&mut self, table: &Table) {
        let width = self.geometry.text_width();
        let left = self.geometry.margin;
        let total: f32 = table.widths.iter().sum();
        let columns: Vec<(f32, f32)> = table
            .widths
            .iter()
            .scan(left, |x, fraction| {
                let column_width = width * fraction / total.max(f32::EPSILON);
                let column = (*x, column_width);
                *x += column_width;
                Some(column)
            })
            .collect();
        let header = table.header.as_ref().map(|cells| self.row(cells, &columns));
        let mut header_due = true;
        for table_row in &table.rows {
            let mut row = self.row(&table_row.cells, &columns);
            loop {
                let header_height = header.as_ref().filter(|_| header_due).map_or(0.0, |h| h.1);
                let available = self.geometry.bottom() - self.y - header_height;
                let fresh = self.geometry.bottom() - self.geometry.top() - header.as_ref().map_or(0.0, |h| h.1);
                // A row that fits on a fresh page is never split; nor is one started at
                // the very bottom of a page.
                let move_on = row.1 <= fresh || available < 3.0 * CELL_PAD_Y + 12.0;
                if row.1 > available && move_on && self.y > self.geometry.top() {
                    self.new_page();
                    header_due = true;
                    continue;
                }
                if header_due && let Some(header) = &header {
                    self.draw_row(header, &columns, Some(HEADER_SHADE), Some(HEADER_RULE));
                    header_due = false;
                }
                let available = self.geometry.bottom() - self.y;
                if row.1 <= available {
                    self.draw_row(&row, &columns, table_row.shade, table.ruled.then_some(BODY_RULE));
                    break;
                }
                // Taller than a page: split the cells where the page ends.
                let (now, rest) = split_row(&row, available);
                self.draw_row(&now, &columns, table_row.shade, None);
                self.new_page();
                header_due = true;
                row = rest;
            }
        }
        self.y += PARAGRAPH_GAP;
    }

    fn row(&mut self, cells: &[Vec<Paragraph>], columns: &[(f32, f32)]) -> (Vec<Stack>, f32) {
        let stacks: Vec<Stack> = columns
            .iter()
            .enumerate()
            .map(|(index, (_, column_width))| {
                let paragraphs = cells.get(index).map_or(&[][..], Vec::as_slice);
                self.stack(paragraphs, column_width - 2.0 * CELL_PAD_X)
            })
            .collect();
        let height = stacks.iter().map(|s| s.height).fold(0.0, f32::max) + 2.0 * CELL_PAD_Y;
        (stacks, height)
    }

    /// Draws a row at the cursor: its shade, its cells, and a rule under it (a strong rule
    /// under the header).
    fn draw_row(
        &mut self,
        row: &(Vec<Stack>, f32),
        columns: &[(f32, f32)],
        shade: Option<u8>,
        rule: Option<(f32, u8)>,
    ) {
        let top = self.y;
        let left = self.geometry.margin;
        let right = left + self.geometry.text_width();
        if let Some(fill) = shade {
            self.op(Op::Rect { x: left, y: top, width: right - left, height: row.1, fill, border: 0.0 });
        }
        for ((x, _), stack) in columns.iter().zip(&row.0) {
            self.draw_stack(stack, x + CELL_PAD_X, top + CELL_PAD_Y);
        }
        self.y = top + row.1;
        if let Some((width, grey)) = rule {
            self.op(Op::Line { x1: left, y1: self.y, x2: right, y2: self.y, width, grey });
        }
    }

    fn signature_lines(&mut self, labels: &[String]) {
        let height = 34.0;
        if self.y + height > self.geometry.bottom() {
            self.new_page();
        }
        let count = labels.len().max(1) as f32;
        let gap = 14.0;
        let slot = (self.geometry.text_width() - gap * (count - 1.0)) / count;
        let line_y = self.y + 22.0;
        let style = TextStyle::regular(7.5).grey(40);
        for (index, label) in labels.iter().enumerate() {
            let x = self.geometry.margin + index as f32 * (slot + gap);
            self.op(Op::Line { x1: x, y1: line_y, x2: x + slot, y2: line_y, width: 0.7, grey: 0 });
            self.op(Op::Text { x, y: line_y + 9.0, text: label.clone(), style });
        }
        self.y += height + PARAGRAPH_GAP;
    }
}

/// The text cut to fit `width` on one line, ending in "…" when cut; measured one character
/// at a time, so a long text costs no more than the characters that fit.
fn fit_line(fonts: &Fonts, text: &str, style: TextStyle, width: f32) -> String {
    let ellipsis = fonts.width("…", style.weight, style.size);
    let mut fitted = String::new();
    let mut used = 0.0;
    let mut buffer = [0u8; 4];
    for (index, ch) in text.char_indices() {
        let advance = fonts.width(ch.encode_utf8(&mut buffer), style.weight, style.size);
        if used + advance > width - ellipsis {
            // Cut only if what is left does not fit in the room the ellipsis would take.
            let rest = text.get(index..).unwrap_or_default();
            let rest_fits = rest.chars().count() <= 2 && used + fonts.width(rest, style.weight, style.size) <= width;
            if rest_fits {
                fitted.push_str(rest);
            } else {
                fitted.push('…');
            }
            return fitted;
        }
        used += advance;
        fitted.push(ch);
    }
    fitted
}

/// Splits a row at `available` points: lines that fit stay, the rest move to the next part.
fn split_row(row: &(Vec<Stack>, f32), available: f32) -> ((Vec<Stack>, f32), (Vec<Stack>, f32)) {
    let limit = available - 2.0 * CELL_PAD_Y;
    let mut now = Vec::with_capacity(row.0.len());
    let mut rest = Vec::with_capacity(row.0.len());
    for stack in &row.0 {
        let (kept, moved): (Vec<_>, Vec<_>) =
            stack.lines.iter().cloned().partition(|(offset, line)| offset + line.height <= limit);
        let shift = moved.first().map_or(0.0, |(offset, _)| *offset);
        let moved: Vec<(f32, Line)> = moved.into_iter().map(|(offset, line)| (offset - shift, line)).collect();
        let height_of = |lines: &[(f32, Line)]| lines.last().map_or(0.0, |(offset, line)| offset + line.height);
        now.push(Stack { height: height_of(&kept), lines: kept });
        rest.push(Stack { height: height_of(&moved), lines: moved });
    }
    let height = |stacks: &[Stack]| stacks.iter().map(|s| s.height).fold(0.0, f32::max) + 2.0 * CELL_PAD_Y;
    let now_height = height(&now);
    let rest_height = height(&rest);
    // A single line taller than the page cannot occur at the sizes used; never loop forever.
    if rest.iter().all(|s| s.lines.is_empty()) || now.iter().all(|s| s.lines.is_empty()) {
        return ((row.0.clone(), row.1), (Vec::new(), 2.0 * CELL_PAD_Y));
    }
    ((now, now_height), (rest, rest_height))
}

/// One word, space or line break of a paragraph, in its style.
enum Token<'t> {
    Word(&'t str, TextStyle),
    Space(TextStyle),
    Break,
}

/// Replaces what the font cannot print: tabs become spaces, carriage returns go, other
/// control characters and missing glyphs become the replacement character. Returns the
/// text and how many characters were replaced.
fn printable(fonts: &Fonts, text: &str, weight: Weight) -> (String, usize) {
    let mut replaced = 0;
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\t' => out.push(' '),
            '\r' => {}
            '\n' => out.push('\n'),
            ch if fonts.covers(ch, weight) => out.push(ch),
            _ => {
                replaced += 1;
                out.push(REPLACEMENT);
            }
        }
    }
    (out, replaced)
}

/// Wraps spans to a width, greedily at spaces; a word wider than the line is broken
/// between characters. Returns the lines and how many characters were replaced.
fn wrap(fonts: &Fonts, spans: &[TextRun], width: f32) -> (Vec<Line>, usize) {
    let mut replaced = 0;
    let texts: Vec<(String, TextStyle)> = spans
        .iter()
        .map(|span| {
            let (text, count) = printable(fonts, &span.text, span.style.weight);
            replaced += count;
            (text, span.style)
        })
        .collect();
    let mut tokens = Vec::new();
    for (text, style) in &texts {
        for (index, segment) in text.split('\n').enumerate() {
            if index > 0 {
                tokens.push(Token::Break);
            }
            for (word_index, word) in segment.split(' ').enumerate() {
                if word_index > 0 {
                    tokens.push(Token::Space(*style));
                }
                for piece in break_between_ideographs(word) {
                    tokens.push(Token::Word(piece, *style));
                }
            }
        }
    }
    let mut builder = LineBuilder { fonts, width, lines: Vec::new(), current: Vec::new(), x: 0.0, pending_space: None };
    for token in tokens {
        match token {
            Token::Break => builder.end_line(true),
            Token::Space(style) => {
                if !builder.current.is_empty() {
                    builder.pending_space = Some(style);
                } else if builder.lines.is_empty() {
                    // Leading spaces of a paragraph indent its first line.
                    builder.x += builder.measure(" ", style);
                }
            }
            Token::Word(word, style) => builder.word(word, style),
        }
    }
    builder.end_line(false);
    (builder.lines, replaced)
}

/// A word cut where a line may break inside it: between two characters either of which is
/// Chinese (or Japanese, or full-width punctuation), since such text has no spaces — except
/// before closing punctuation and after opening punctuation (禁则: no line starts with "，" or
/// ends with "（"). Latin words stay whole.
fn break_between_ideographs(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (index, ch) in word.char_indices() {
        if let Some(before) = previous
            && (is_wide(before) || is_wide(ch))
            && !CLOSING.contains(ch)
            && !OPENING.contains(before)
        {
            if let Some(piece) = word.get(start..index) {
                pieces.push(piece);
            }
            start = index;
        }
        previous = Some(ch);
    }
    if let Some(piece) = word.get(start..).filter(|piece| !piece.is_empty()) {
        pieces.push(piece);
    }
    pieces
}

/// Punctuation that never starts a line.
const CLOSING: &str = "，。、；：？！）」』》〉】〕”’…·%％";
/// Punctuation that never ends a line.
const OPENING: &str = "（「『《〈【〔“‘";

/// A character of a script written without spaces (CJK ideographs, kana, full-width forms).
fn is_wide(ch: char) -> bool {
    matches!(u32::from(ch), 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

struct LineBuilder<'f> {
    fonts: &'f Fonts,
    width: f32,
    lines: Vec<Line>,
    current: Vec<(f32, String, TextStyle)>,
    x: f32,
    pending_space: Option<TextStyle>,
}

impl LineBuilder<'_> {
    fn measure(&self, text: &str, style: TextStyle) -> f32 {
        self.fonts.width(text, style.weight, style.size)
    }

    fn word(&mut self, word: &str, style: TextStyle) {
        let word_width = self.measure(word, style);
        let space_width = self.pending_space.map_or(0.0, |s| self.measure(" ", s));
        if !self.current.is_empty() && self.x + space_width + word_width > self.width {
            self.end_line(false);
        }
        if let Some(space_style) = self.pending_space.take()
            && !self.current.is_empty()
        {
            self.append(" ", space_style);
        }
        if word_width <= self.width - self.x {
            self.append(word, style);
            return;
        }
        // Too wide for any line: break between characters.
        let mut piece = String::new();
        for ch in word.chars() {
            let mut candidate = piece.clone();
            candidate.push(ch);
            if self.x + self.measure(&candidate, style) > self.width && !(piece.is_empty() && self.current.is_empty()) {
                if !piece.is_empty() {
                    self.append(&piece, style);
                }
                self.end_line(false);
                piece = ch.to_string();
            } else {
                piece = candidate;
            }
        }
        if !piece.is_empty() {
            self.append(&piece, style);
        }
    }

    /// Appends text at the cursor, merging with the previous run when the style matches.
    fn append(&mut self, text: &str, style: TextStyle) {
        let advance = self.measure(text, style);
        match self.current.last_mut() {
            Some((_, run, run_style)) if *run_style == style => run.push_str(text),
            _ => self.current.push((self.x, text.to_owned(), style)),
        }
        self.x += advance;
    }

    /// Ends the line; an empty line is kept only for an explicit line break.
    fn end_line(&mut self, explicit: bool) {
        self.pending_space = None;
        if self.current.is_empty() && !explicit && !self.lines.is_empty() {
            return;
        }
        let size = self.current.iter().map(|(_, _, style)| style.size).fold(0.0, f32::max);
        let size = if size > 0.0 { size } else { self.lines.last().map_or(8.0, |l| l.height / LINE_SPACING) };
        let runs = std::mem::take(&mut self.current);
        self.lines.push(Line { runs, height: size * LINE_SPACING, baseline: size * BASELINE });
        self.x = 0.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry() -> Geometry {
        Geometry { width: 595.0, height: 842.0, margin: 40.0, header: 14.0, footer: 28.0 }
    }

    fn frame() -> PageFrame {
        PageFrame { header_left: "left".into(), header_right: "right".into(), footer_left: "file.ron".into() }
    }

    fn texts(pages: &[Page]) -> Vec<Vec<String>> {
        pages
            .iter()
            .map(|p| {
                p.ops
                    .iter()
                    .filter_map(|op| match op {
                        Op::Text { text, .. } => Some(text.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn lines_never_exceed_the_width_and_keep_every_word() {
        let fonts = Fonts::load().expect("fonts");
        let text = "Platelet count 52 ×10⁹/L (2026-10-28) < 75 ×10⁹/L; an unbreakable \
                    0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef hash.";
        let (lines, replaced) = wrap(&fonts, &[TextRun::new(text, TextStyle::regular(8.0))], 90.0);
        assert_eq!(replaced, 0);
        assert!(lines.len() > 3);
        for line in &lines {
            let width: f32 = line.runs.iter().map(|(x, t, s)| x + fonts.width(t, s.weight, s.size)).fold(0.0, f32::max);
            assert!(width <= 90.0 + 0.01, "{width}");
        }
        let joined: String = lines.iter().flat_map(|l| l.runs.iter().map(|(_, t, _)| t.as_str())).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn characters_the_fonts_lack_are_counted_and_replaced() {
        let fonts = Fonts::load().expect("fonts");
        // 名 is in the CJK face; 㐀 (Extension A) and a control character are not.
        let (lines, replaced) = wrap(&fonts, &[TextRun::new("名 㐀 ok\u{7}", TextStyle::regular(8.0))], 200.0);
        assert_eq!(replaced, 2);
        let text: String = lines.iter().flat_map(|l| l.runs.iter().map(|(_, t, _)| t.clone())).collect();
        assert_eq!(text, "名 \u{FFFD} ok\u{FFFD}");
    }

    #[test]
    fn chinese_breaks_between_ideographs_but_never_before_closing_punctuation() {
        let fonts = Fonts::load().expect("fonts");
        let text = "患者血小板计数低于正常值，研究者认为与免疫相关（已复查），同意例外入组。";
        let (lines, replaced) = wrap(&fonts, &[TextRun::new(text, TextStyle::regular(10.0))], 60.0);
        assert_eq!(replaced, 0);
        assert!(lines.len() > 3, "{}", lines.len());
        let line_texts: Vec<String> =
            lines.iter().map(|l| l.runs.iter().map(|(_, t, _)| t.as_str()).collect()).collect();
        for line in &line_texts {
            assert!(!line.starts_with(['，', '。', '）']), "a line starts with closing punctuation: {line_texts:?}");
            assert!(!line.ends_with('（'), "a line ends with opening punctuation: {line_texts:?}");
        }
        for line in &lines {
            let width: f32 = line.runs.iter().map(|(x, t, s)| x + fonts.width(t, s.weight, s.size)).fold(0.0, f32::max);
            assert!(width <= 60.0 + 0.01, "{width}");
        }
        assert_eq!(line_texts.concat(), text);
        assert_eq!(break_between_ideographs("ULN"), vec!["ULN"], "Latin words stay whole");
    }

    #[test]
    fn a_long_table_continues_with_its_header_and_every_page_is_numbered() {
        let fonts = Fonts::load().expect("fonts");
        let mut flow = Flow::new(&fonts, geometry());
        let cell = |t: &str| vec![Paragraph::plain(t, TextStyle::regular(8.0))];
        let table = Table {
            widths: vec![1.0, 3.0],
            header: Some(vec![cell("Status"), cell("Criterion")]),
            rows: (0..200).map(|i| Row::new(vec![cell("✔ met"), cell(&format!("row {i}"))])).collect(),
            ruled: true,
        };
        flow.push(&Block::Table(table));
        let pages = flow.finish(&frame());
        assert!(pages.len() >= 3);
        let total = pages.len();
        for (index, page) in texts(&pages).iter().enumerate() {
            assert!(page.contains(&"Status".to_owned()), "header repeated on page {}", index + 1);
            assert!(page.contains(&format!("Page {} of {total}", index + 1)));
            assert!(page.contains(&"file.ron".to_owned()));
        }
        let all: Vec<String> = texts(&pages).concat();
        for i in 0..200 {
            assert!(all.contains(&format!("row {i}")), "row {i}");
        }
    }

    /// Regression: the running header carried the whole participant code on every page, so
    /// a long code made pages × length glyphs (quadratic time and memory).
    #[test]
    fn the_running_header_is_cut_to_one_line() {
        let fonts = Fonts::load().expect("fonts");
        let style = FRAME_STYLE.grey(60);
        assert_eq!(fit_line(&fonts, "short", style, 200.0), "short");
        let long = "P".repeat(100_000);
        let fitted = fit_line(&fonts, &long, style, 200.0);
        assert!(fitted.ends_with('…') && fitted.chars().count() < 100, "{}", fitted.len());
        assert!(fonts.width(&fitted, style.weight, style.size) <= 200.0);
        let mut flow = Flow::new(&fonts, geometry());
        flow.push(&Block::Paragraph(Paragraph::plain(long.clone(), TextStyle::regular(16.0))));
        let frame = PageFrame { header_left: long, header_right: "right".into(), footer_left: "file.ron".into() };
        for page in flow.finish(&frame) {
            let longest = page
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text { text, .. } => Some(text.chars().count()),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            assert!(longest < 500, "{longest}");
        }
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_not_lost() {
        let fonts = Fonts::load().expect("fonts");
        let mut flow = Flow::new(&fonts, geometry());
        let long: Vec<Paragraph> =
            (0..150).map(|i| Paragraph::plain(format!("line {i}"), TextStyle::regular(8.0))).collect();
        let table = Table { widths: vec![1.0], header: None, rows: vec![Row::new(vec![long])], ruled: true };
        flow.push(&Block::Table(table));
        let pages = flow.finish(&frame());
        assert!(pages.len() >= 2);
        let all: Vec<String> = texts(&pages).concat();
        for i in 0..150 {
            assert!(all.contains(&format!("line {i}")), "line {i}");
        }
        for page in &pages {
            for op in &page.ops {
                if let Op::Text { y, .. } = op {
                    assert!(*y <= geometry().height - geometry().margin + 1.0, "{y}");
                }
            }
        }
    }
}
