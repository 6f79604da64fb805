const QUANTITY_QUESTION =
  /\b(?:when|how (?:many|much|long|often|far|old|big|large|soon)|what (?:time|day|date|year|version|port|size|percentage)|which (?:version|port|day|date|year))\b/iu;

const QUANTITY =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|once|twice|daily|weekly|monthly|yearly|annually|hourly|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|noon|midnight)\b/iu;

/** Whether a question asks for a number, a duration, a time or a date ("how many", "when"). */
export function asksForQuantity(question: string): boolean {
  return QUANTITY_QUESTION.test(question);
}

/** Whether a text states a number, a frequency, a weekday or a month, in digits or words. */
export function hasQuantity(text: string): boolean {
  return QUANTITY.test(text);
}
