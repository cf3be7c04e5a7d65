import { offTopicSpans } from './domains.rules.ts';

/*
 * What a traveller's turn does with what the agent just said: takes it, turns it down, asks about it, or moves on.
 * Read from the words at the edges of the turn, where people put them ("Sounds good, book it", "No, the 6th").
 */

const AFFIRM =
  /^(?:(?:oh|well|um+|hmm+|alright|all right|and|so)[,.!]?\s+)?(?:yes|yeah|yea|yep|yup|sure|ok|okay|k|correct|right|exactly|perfect|great|good|nice|fine|cool|awesome|excellent|wonderful|lovely|absolutely|definitely|certainly|of course|of-course|that'?s? (?:right|correct|fine|good|great|perfect|it|ok|okay|wonderful|fantastic|excellent|lovely|awesome|precisely it|exactly it|nice|cool)|that is (?:right|correct|fine|good|great|perfect|it|ok|okay|wonderful|fantastic|excellent|lovely|awesome|precisely it|exactly it|nice|cool)|sounds (?:good|great|perfect|fine|nice|right|ok|okay)|(?:it|this|that|that one|this one) (?:sounds|seems|looks|works|will work|would work|is (?:fine|good|great|perfect|okay|ok)|suits)|works for me|you got it|go ahead|(?:that|it|this|everything|all (?:of )?(?:that|this|it)|all)(?:'s| is| was| are)\s+(?:all\s+|exactly\s+|absolutely\s+|perfectly\s+)?(?:right|correct|confirmed|accurate|fine|good|perfect|what i (?:want|wanted|need|needed|asked for|said))|you (?:got|have) (?:it|that|this|everything|all|each \w+) (?:right|correct)|please do|i (?:do|will|would)|confirm(?:ed)?|i confirm|ding)\b/i;

const NEGATE =
  /^(?:(?:oh|well|um+|hmm+|actually|sorry)[,.!]?\s+)?(?:no|nope|nah|not really|not quite|not exactly|negative|that'?s not|that is not|wrong|incorrect|i don'?t think so|wait,? no)\b/i;

// Asking for a different option: "something else", "any other flights?", "what else do you have".
const ALTERNATIVES =
  /\b(?:some ?thing (?:else|different)|anything (?:else|different)(?! (?:i|you) (?:need|can (?:help|do)))|else (?:available|is there|can you|do you have|you (?:got|have))|what else|(?:some|any|the|your)? ?other (?:available |similar |good |suitable )?(?:options?|ones?|choices?|results?|flights?|cars?|vehicles?|hotels?|places?|things?|alternatives?|suggestions?)|another (?:one|options?|choices?|flights?|cars?|vehicles?|hotels?|places?|suggestions?|recommendations?)|any others?|others available|alternatives?|different (?:one|option|flight|car|hotel)|more options|search again|look (?:again|further)|keep looking|try again|(?:find|show|see|give me|get me)\s+(?:me\s+)?(?:some\s+)?more|some more|next one|not interested|don'?t like (?:it|that|this)|(?:will|would|does|did|that|it)\s*n[o']?t (?:work|do)|won'?t (?:work|do)|not for me|no good|(?:a|an|something|one|any) (?:better|bigger|larger|nicer|roomier|different|newer) (?:one|car|vehicle|model|option|flight|hotel|room|place)?)\b/i;

// "That's all", "thanks, bye": the traveller is done with this search.
const CLOSING =
  /\b(?:thanks?|thank you|thx|cheers|appreciate|that'?s (?:all|it|everything)|that is (?:all|it|everything)|that will be (?:all|it)|that'?ll be (?:all|it)|nothing (?:else|more)|all i need(?:ed)?|i'?m done|i am done|bye|goodbye|good bye|have a (?:good|nice|great|lovely))\b/i;

// "Book it", "reserve that car", "I'd like to complete the reservation".
const TAKE =
  /(?<!\bif (?:i|we) )\b(?:book|reserve|buy|purchase|take|grab|want|choose|pick|go with)\s+(?:it|that|this|them|those|these|the (?:car|hotel|room|flight|ticket)|that (?:car|hotel|room|flight|one)|this (?:car|hotel|room|flight|one)|one)\b|\b(?:make|complete|place|finali[sz]e|proceed with)\s+(?:the|a|my|that)\s+(?:reservation|booking)|\b(?:reserve|book)\s+(?:now|the car|the hotel|a room|the room)\b|\bi(?:'d| would) like to (?:book|reserve)\b/i;

// A question about the option on offer, not a new wish: "how much?", "what's the address?", "does it arrive the same day?".
const ASKS_ABOUT =
  /\?|^(?:and\s+)?(?:what|what'?s|whats|when|where|which|how|who|is|are|does|do|did|will|would|can|could|may|tell me|let me know|give me|get me the|i (?:want|need|would like) (?:to know|their|the (?:address|phone|number|price|cost)))\b|\b(?:how much|the (?:address|phone|number|price|cost|rate|rating|location)|their (?:address|phone|number|location))\b/i;

// Asking to be told about the option, whatever the verb: "I want to know the cost", "first, tell me the price", "total
// cost?". These are questions about it even with "want" in them.
const ASKS_TO_KNOW =
  /^(?:\W*(?:first|so|and|ok(?:ay)?|well|now)[,]?\s+)?(?:i (?:want|need|would like|'d like) (?:to know|you to tell me|to find out|to hear)|(?:please )?tell me (?:the|its|their|how|what|where|if|whether)|(?:the\s+)?(?:total\s+)?(?:cost|price|rate|fare|address|phone(?: number)?)\b(?:\s+(?:now|please|then))?\W*$)/i;

// Words of a search being asked for, which a question may carry too: "Can you find me a flight there?".
export const SEARCHING =
  /\b(?:find|search|look(?:ing)? (?:for|at)|book|reserve|get me|show me|need|want|would like|'d like|prefer|other|another|else|instead|how about|what about|any (?:\w+\s+)?(?:hotels?|flights?|cars?|rooms?|places?|vehicles?)|is there (?:anything|something|(?:a|an|any|some)\s+(?:\w+\s+){0,2}(?:hotels?|rooms?|flights?|cars?|places?|options?|vehicles?|rentals?|one|other|else))|are there)\b/i;

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
  // A question about something else ("how much is in my bank account?") asks nothing about the option.
  const parts = sentences(trimmed).filter((part) => offTopicSpans(part).length === 0);
  return {
    affirms: AFFIRM.test(trimmed),
    negates: NEGATE.test(trimmed),
    wantsAlternatives: ALTERNATIVES.test(trimmed),
    asksAbout: parts.some(
      (part) => (ASKS_ABOUT.test(part) && !TAKE.test(part) && !SEARCHING.test(part)) || ASKS_TO_KNOW.test(part),
    ),
    closes: CLOSING.test(trimmed),
    takes: TAKE.test(trimmed),
  };
}

// A question whose subject is the option on offer, or one of its features: "Does it arrive the next day?", "How many
// passengers is this for?", "Can I smoke there?", "What's the cost for one night?".
// "Are you looking for business tickets?": asking what the agent searched, not asking for it.
const ABOUT_THE_SEARCH =
  /^(?:and|so|but)?\s*(?:are|were|is|was|did|do|have)\s+you\s+(?:looking|searching|showing|booking|getting|giving)\b/i;
const ABOUT_THE_OPTION =
  /^(?:and|so|also|but|ok(?:ay)?|great|cool|i see)?[,.]?\s*(?:(?:what|what'?s|whats|when|where|which|how|who)\b.*\b(?:it|its|this|that|they|them|their|there|the (?:flight|plane|ticket|car|vehicle|rental|hotel|room|place|reservation|booking|fare|price|cost|return|arrival|departure|total|rate))\b|(?:is|was|are|does|do|did|will|would|can|could|may|has|have)\s+(?:it|this|that|they|there|the (?:flight|plane|ticket|tickets|car|vehicle|rental|hotel|room|place|reservation|booking|fare|price|cost|return|arrival|departure|total|rate)|i (?:check|bring|take|carry|smoke|cancel|get a refund|pay|have))\b|(?:is|are) for\b)/i;
const FEATURE =
  /\b(?:arriv\w*|lands?|landing|airport|address|located|location|phone|number|contact|cost|price|rate|fare|total|how much|smok\w*|wifi|wi-fi|internet|bags?|baggage|luggage|layovers?|rating|reviews?|refund\w*|cancel\w*|parking|breakfast|pool|pets?|passengers?|seats?)\b/i;
// "Do you have one with a two star rating?" asks for a search, whatever its form.
const STAR_COUNT = /\b(?:\d|one|two|three|four|five)[- ]?stars?\b/i;
const QUESTION =
  /\?\s*$|^(?:and |so |also |but )?(?:what|what'?s|whats|when|where|which|how|who|is|are|does|do|did|will|would|can|could|may|tell me|let me know|i (?:want|need|would like|'d like) to know)\b/i;
/**
 * The sentences that ask about the option on offer rather than for a search ("Does it land the same day?", "Is
 * the ticket Business?", "Does it have wifi?"): their dates, counts and amenities are not the traveller's wishes.
 */
export function questionsAboutOption(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[^.!?]+[.!?]*/g)]
    .filter(([sentence]) => {
      const trimmed = sentence.trim();
      if (ABOUT_THE_SEARCH.test(trimmed)) return true;
      return (
        QUESTION.test(trimmed) &&
        (ABOUT_THE_OPTION.test(trimmed) || FEATURE.test(trimmed)) &&
        !SEARCHING.test(trimmed) &&
        !STAR_COUNT.test(trimmed)
      );
    })
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
