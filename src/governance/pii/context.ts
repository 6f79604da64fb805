import { precededBy } from './scan.js';

// A label such as `Order #`, `Invoice no.`, `Tracking number:` right before a number says it
// is an identifier, even when it happens to look like a card, an SSN or a phone number.
const IDENTIFIER_LABEL =
  /\b(?:order|invoice|inv|po|ref|reference|ticket|case|tracking|shipment|parcel|sku|part|item|serial|model|transaction|txn|confirmation|booking|batch|lot|upc|ean|gtin|isbn|imei)(?:\s*(?:no\.?|nr\.?|num|number|id|#))?\s*[:#=]?\s*$/i;

// `version 1.0.0.0`, `section 1.2.3.4`: dotted numbers that are not addresses.
const DOTTED_NUMBER_LABEL =
  /\b(?:version|ver|release|build|rev|revision|firmware|fw|driver|assembly|section|chapter|clause|article|step|figure|table|oid)s?\s*[:=]?\s*[[(]?\s*$/i;

/** True when an identifier label (order, invoice, tracking, SKU …) sits right before `index`. */
export function followsIdentifierLabel(text: string, index: number): boolean {
  return precededBy(text, index, IDENTIFIER_LABEL);
}

/** True when a version or section label sits right before `index`. */
export function followsDottedNumberLabel(text: string, index: number): boolean {
  return precededBy(text, index, DOTTED_NUMBER_LABEL);
}
