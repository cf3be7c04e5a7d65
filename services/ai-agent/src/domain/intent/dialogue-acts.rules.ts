/*
 * What a traveller's turn does with what the agent just said: takes it, turns it down, asks about it, or moves on.
 * Read from the words at the edges of the turn, where people put them ("Sounds good, book it", "No, the 6th").
 */

const AFFIRM =
  /^(?:(?:oh|well|um+|hmm+|alright|all right|and|so)[,.!]?\s+)?(?:yes|yeah|yea|yep|yup|sure|ok|okay|k|correct|right|exactly|perfect|great|good|nice|fine|cool|awesome|excellent|wonderful|lovely|absolutely|definitely|certainly|of course|of-course|that'?s? (?:right|correct|fine|good|great|perfect|it|ok|okay)|that is (?:right|correct|fine|good|great|perfect|it|ok|okay)|sounds (?:good|great|perfect|fine|nice|right|ok|okay)|(?:it|this|that|that one|this one) (?:sounds|seems|looks|works|will work|would work|is (?:fine|good|great|perfect|okay|ok)|suits)|works for me|you got it|go ahead|please do|i (?:do|will|would)|confirm(?:ed)?|i confirm|ding)\b/i;

const NEGATE =
  /^(?:(?:oh|well|um+|hmm+|actually|sorry)[,.!]?\s+)?(?:no|nope|nah|not really|not quite|not exactly|negative|that'?s not|that is not|wrong|incorrect|i don'?t think so|wait,? no)\b/i;

// Asking for a different option: "something else", "any other flights?", "what else do you have".
const ALTERNATIVES =
  /\b(?:something else|anything else(?! (?:i|you) (?:need|can))|else (?:available|is there|can you|do you have|you (?:got|have))|what else|other (?:options?|ones?|choices?|results?|flights?|cars?|vehicles?|hotels?|places?|things?|alternatives?)|another (?:one|option|choice|flight|car|vehicle|hotel|place)|any others?|others available|alternatives?|different (?:one|option|flight|car|hotel)|more options|search again|look (?:again|further)|keep looking|next one|not interested|don'?t like (?:it|that|this))\b/i;

// "That's all", "thanks, bye": the traveller is done with this search.
const CLOSING =
  /\b(?:thanks?|thank you|thx|cheers|appreciate|that'?s (?:all|it|everything)|that is (?:all|it|everything)|that will be (?:all|it)|that'?ll be (?:all|it)|nothing (?:else|more)|all i need(?:ed)?|i'?m done|i am done|bye|goodbye|good bye|have a (?:good|nice|great|lovely))\b/i;

// "Book it", "reserve that car", "I'd like to complete the reservation".
const TAKE =
  /\b(?:book|reserve|buy|purchase|take|grab|want|choose|pick|go with|get)\s+(?:it|that|this|them|those|these|the (?:car|hotel|room|flight|ticket)|that (?:car|hotel|room|flight|one)|this (?:car|hotel|room|flight|one)|one)\b|\b(?:make|complete|place|finali[sz]e|proceed with)\s+(?:the|a|my|that)\s+(?:reservation|booking)|\b(?:reserve|book)\s+(?:now|the car|the hotel|a room|the room)\b|\bi(?:'d| would) like to (?:book|reserve)\b/i;

// A question about the option on offer, not a new wish: "how much?", "what's the address?", "does it arrive the same day?".
const ASKS_ABOUT =
  /\?|^(?:and\s+)?(?:what|what'?s|whats|when|where|which|how|who|is|are|does|do|did|will|would|can|could|may|tell me|let me know|give me|get me the|i (?:want|need|would like) (?:to know|their|the (?:address|phone|number|price|cost)))\b|\b(?:how much|the (?:address|phone|number|price|cost|rate|rating|location)|their (?:address|phone|number|location))\b/i;

const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|(?<=,)\s+(?=(?:but|and|so|also)\b)/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');

export interface TurnActs {
  /** Starts by saying yes: "Yes", "Sounds good", "That works". */
  affirms: boolean;
  /** Starts by saying no. */
  negates: boolean;
  /** Asks for another option than the one offered. */
  wantsAlternatives: boolean;
  /** Asks something about the option offered (its price, address, arrival). */
  asksAbout: boolean;
  /** Thanks the agent or says it is done. */
  closes: boolean;
  /** Asks to book or reserve what was offered. */
  takes: boolean;
}

/** The dialogue acts of one traveller turn. */
export function readActs(text: string): TurnActs {
  const trimmed = text.trim();
  const parts = sentences(trimmed);
  return {
    affirms: AFFIRM.test(trimmed),
    negates: NEGATE.test(trimmed),
    wantsAlternatives: ALTERNATIVES.test(trimmed),
    asksAbout: parts.some((part) => ASKS_ABOUT.test(part) && !TAKE.test(part)),
    closes: CLOSING.test(trimmed),
    takes: TAKE.test(trimmed),
  };
}
