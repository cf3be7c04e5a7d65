/** A piece of the utterance that an extractor recognised, by character offsets into the normalised text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Evens out what people type so that one set of patterns fits: typographic quotes, `o"clock` (a common slip on
 * keyboards where `"` and `'` share a key), non-breaking spaces and runs of blanks. Letter case is kept because
 * it tells "LA" the city from "la" the article and "JFK" the airport from an ordinary word.
 */
export function normalizeUtterance(text: string): string {
  return (
    text
      .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
      .replace(/[\u201C\u201D\u2033]/g, '"')
      .replace(/o"clock/gi, "o'clock")
      .replace(/[\u00A0\u2000-\u200B]/g, ' ')
      .replace(/[\u2013\u2014]/g, '-')
      // "Atlanta.I need" and "London,Paris": a missing space after punctuation would glue two words together.
      .replace(/(\p{Ll}{2,})([.,;!?])(\p{L})/gu, '$1$2 $3')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Blanks out spans that an extractor has consumed so that later extractors cannot read them again (the "3" of
 * "3 stars" must not become a date, a time or a party size). Offsets stay valid because blanks keep the length.
 */
export function maskSpans(text: string, spans: readonly Span[]): string {
  let masked = text;
  for (const { start, end } of spans) {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  }
  return masked;
}

/**
 * The words just before a span, within its clause: the cue that decides its role ("from Paris", "until the 9th").
 * Stops at sentence punctuation, a conjunction that opens a new clause, and at `floor` (the end of the previous
 * mention) so that one cue is not read twice.
 */
export function textBefore(text: string, start: number, floor = 0, width = 48): string {
  const window = text.slice(Math.max(floor, start - width), start);
  const cut = Math.max(
    window.lastIndexOf('.'),
    window.lastIndexOf('!'),
    window.lastIndexOf('?'),
    window.lastIndexOf(';'),
  );
  return (cut >= 0 ? window.slice(cut + 1) : window).toLowerCase();
}

/** The words just after a span, within its clause. */
export function textAfter(text: string, end: number, width = 32): string {
  const window = text.slice(end, end + width);
  const cut = window.search(/[.!?;]/);
  return (cut >= 0 ? window.slice(0, cut) : window).toLowerCase();
}

/** Every match of a global pattern, with offsets. */
export function matchAll(text: string, pattern: RegExp): RegExpExecArray[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  return [...text.matchAll(new RegExp(pattern.source, flags))];
}

/** The span of a match (the whole match, or one of its named groups). */
export function spanOf(match: RegExpExecArray): Span {
  return { start: match.index, end: match.index + match[0].length };
}

/**
 * Whether a span sits in a question about what the agent offered ("Is that fare for two of us?", "Did you say
 * 4 stars?"): the traveller is checking, not asking for it, so it must not become a constraint.
 */
export function inQuestionAboutOffer(text: string, span: Span): boolean {
  const start =
    Math.max(
      text.lastIndexOf('.', span.start),
      text.lastIndexOf('!', span.start),
      text.lastIndexOf('?', span.start - 1),
    ) + 1;
  const endMark = text.slice(span.end).search(/[.!?]/);
  const clause = text.slice(start, endMark < 0 ? text.length : span.end + endMark + 1).trim();
  return (
    clause.endsWith('?') &&
    /^(?:(?:and|so|ok|okay|also),?\s+)?(?:is|was|are|were|did|does|do|will|would|has|have)\s+(?:this|that|it|they|these|those|the\s+\w+|you\s+(?:say|said|mean|meant|booked|got|put|reserved|searched|found|looked))\b/i.test(
      clause,
    )
  );
}
