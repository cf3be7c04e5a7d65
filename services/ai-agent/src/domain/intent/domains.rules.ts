/** Which kinds of travel a sentence talks about, and what it asks to do with them. */
export interface TopicReading {
  flight: boolean;
  hotel: boolean;
  car: boolean;
  /** "plan a trip", "vacation": a whole trip, flights and a stay together. */
  trip: boolean;
  act: 'book' | 'watch' | 'policy' | null;
  /** "make it 3 people", "actually, business class": the words of a change to what was asked. */
  refine: boolean;
}

const FLIGHT =
  /\b(?:flights?|fly|flying|flies|flew|airlines?|airways|airfare|air ?fare|one[- ]way|round[- ]?trip|plane|seats?|tickets?|non[- ]?stop|layovers?|stopovers?|depart(?:s|ing|ure)?|cabin|economy class|business class|first class|premium economy|boarding|airport to|checked bags?|bags? to check|check(?:ed)?[- ]in (?:\w+ )?(?:bags?|luggage|baggage)|carry[- ]on|baggage|luggage)\b/i;
const HOTEL =
  /\b(?:hotels?|motels?|rooms?|stays?|staying|accommodations?|lodging|hostels?|resorts?|inns?|b&b|bnb|airbnb|suites?|(?<!\b(?:bags?|luggage|baggage) (?:to|for) )(?<!\b(?:bags?|luggage|baggage) )check(?:ing)?[- ]?in(?!\s+(?:\w+\s+)?(?:bags?|luggage|baggage))|check(?:ing)?[- ]?out(?!\s+(?:the|this|that|these|those|some|a|an|my|your|our|their|what|if|whether|it|them|other|more|options?)\b)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|few|several)\s+nights?|per night|nightly|\d[- ]?stars?|(?:one|two|three|four|five)[- ]stars?|place to sleep)\b/i;
const CAR =
  /\b(?:cars?|rentals?|rent|renting|rented|vehicles?|suvs?|sedans?|minivans?|convertibles?|hatchbacks?|pick(?:ing)?[- ]?(?:it |the car |the vehicle )?up|pickup|drop(?:ping)?[- ]?(?:it |the car )?off|drop-?off|bring (?:it|the car) back|return the (?:car|vehicle)|hertz|avis|enterprise rent|budget rental|sixt)\b/i;
// Somewhere to stay that is not a hotel: "a place to rent", "a house", "an apartment" are lodging, not a car.
const LODGING =
  /\b(?:(?:a |an |the )?place to (?:rent|stay|sleep|crash)|somewhere to (?:stay|sleep)|(?:vacation|holiday|short[- ]term) (?:rentals?|homes?|lets?)|houses?|apartments?|apts?|condos?|condominiums?|villas?|cabins?|cottages?|chalets?|bungalows?|lodges?|flats?|studios?|guest ?houses?|airbnbs?|vrbo|homestays?|accommodations?|lodging)\b/i;
const VEHICLE_WORD =
  /\b(?:cars?|vehicles?|suvs?|sedans?|minivans?|vans?|convertibles?|hatchbacks?|trucks?|jeeps?|drive|driving|pick(?:ing)?[- ]?(?:it |the car )?up|pickup|drop(?:ping)?[- ]?(?:it |the car )?off|hertz|avis|sixt)\b/i;

const TRIP = /\b(?:trip|vacation|holiday|getaway|itinerary|honeymoon|travel plans?|weekend away|plan (?:a|my|our))\b/i;

const POLICY =
  /\b(?:polic(?:y|ies)|refunds?|refundable|cancell?ation (?:fee|terms|rules|charges?)|(?:can|could) i (?:cancel|change|get a refund)|what happens if i cancel|baggage allowance|bag(?:gage)? (?:fees?|allowance|limit)|carry[- ]on (?:limit|size|allowance|rules)|how much (?:is|are|does) (?:a |the )?(?:checked )?bag|(?:are|is) (?:pets?|dogs?|smoking) allowed|check[- ]?(?:in|out) time|deposit|fine print|terms and conditions|resort fee)\b/i;
const POLICY_QUESTION = /\?|^(?:what|how|can|could|is|are|do|does|will|may)\b/i;
const WATCH =
  /\b(?:let me know|notify me|alert me|tell me|ping me|email me|text me|message me|warn me|keep an eye|watch|track|monitor|price alert|fare alert)\b[^.?!]*?\b(?:drops?|falls?|goes|gets|below|under|cheaper|less than|lower|changes?|price|fare|cost|left|available|remaining)\b/i;
const BOOK =
  /\b(?:book|reserve|purchase|buy|grab|lock in|secure)\s+(?:it|that|this|them|those|these|both|all|the (?:first|second|third|last|cheapest|fastest|best|earlier|later)(?: one)?|the one|that one|this one|(?:the|that|this) (?:flight|hotel|room|car|deal|option|fare))\b|\b(?:go ahead(?: and book)?|i'?ll take (?:it|that|this|the)|let'?s (?:book|do) (?:it|that|this)|(?:yes|yeah|ok|okay|sure),? (?:please )?book|confirm (?:the|my|that|it) (?:booking|reservation)|make the (?:booking|reservation))\b/i;

const REFINE =
  /\b(?:make it|make that|change (?:it|that|the|my)|switch (?:it |that )?to|actually|instead|rather|what about|how about|update (?:it|the)|swap|go with|let'?s do)\b/i;

export function readTopics(text: string): TopicReading {
  const policy = POLICY.test(text) && POLICY_QUESTION.test(text.trim());
  const act = policy ? 'policy' : WATCH.test(text) ? 'watch' : BOOK.test(text) ? 'book' : null;
  const lodging = LODGING.test(text);
  return {
    flight: FLIGHT.test(text),
    hotel: HOTEL.test(text) || lodging,
    // "Rent" said of a house is not a car rental.
    car: CAR.test(text) && (!lodging || VEHICLE_WORD.test(text)),
    trip: TRIP.test(text),
    act,
    refine: REFINE.test(text),
  };
}

const OFF_TOPIC =
  /\b(?:weather|temperature|forecast|rain|humidity|restaurants?|dinner|lunch|brunch|diner|cafe|concerts?|events?|movies?|films?|museums?|attractions?|games?|match|appointments?|salon|doctor|dentist|bus(?:es)?|trains?|balance|bank|account|songs?|music|play(?:ing)?|interview|meeting)\b/i;

// Words of a trip's days, which make a sentence about travel whatever else it mentions: "I'd fly back on the 9th
// so I make my job interview."
const TRAVEL_CUE =
  /\b(?:return(?:ing)?|come back|coming back|leav(?:e|ing)|depart(?:ing)?|fly(?:ing)?|arriv(?:e|ing)|check(?:ing)?[- ]?(?:in|out)|pick(?:ing)?[- ]?(?:it )?up|drop(?:ping)?[- ]?(?:it )?off|stay(?:ing)?)\b/i;

/**
 * Sentences about something other than flights, stays and cars ("what's the weather there on the 3rd?", "find me a
 * restaurant for tonight"): their dates and places are not travel constraints, so they are left out of the reading.
 */
export function offTopicSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(/[^.!?]+[.!?]*/g)]
    .filter(([sentence]) => {
      const topics = readTopics(sentence);
      return (
        OFF_TOPIC.test(sentence) &&
        !topics.flight &&
        !topics.hotel &&
        !topics.car &&
        !topics.trip &&
        (!TRAVEL_CUE.test(sentence) ||
          /\b(?:bus(?:es)?|trains?|coach(?:es)?|ferry|ferries|subway|metro)\b/i.test(sentence))
      );
    })
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
