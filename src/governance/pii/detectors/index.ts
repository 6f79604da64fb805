import type { PiiDetector, PiiType } from '../types.js';
import { apiKeyDetector } from './api-key.js';
import { creditCardDetector } from './credit-card.js';
import { emailDetector } from './email.js';
import { ibanDetector } from './iban.js';
import { ipAddressDetector } from './ip-address.js';
import { phoneDetector } from './phone.js';
import { privateKeyDetector } from './private-key.js';
import { secretDetector } from './secret.js';
import { usSsnDetector } from './us-ssn.js';

/** The detector of each {@link PiiType}. */
export const DETECTORS: Readonly<Record<PiiType, PiiDetector>> = {
  PRIVATE_KEY: privateKeyDetector,
  API_KEY: apiKeyDetector,
  SECRET: secretDetector,
  CREDIT_CARD: creditCardDetector,
  IBAN: ibanDetector,
  US_SSN: usSsnDetector,
  EMAIL: emailDetector,
  IP_ADDRESS: ipAddressDetector,
  PHONE: phoneDetector,
};
