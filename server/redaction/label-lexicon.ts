import type { LabelCat } from './context-labels.js';

// The label lexicon, as data: the words that tell what a nearby number is, by locale (the same
// engine serves every account, so all locales apply; the grouping records where a form is used).
// Issue 12 asked for the short forms people and ASR produce (sec, csc, cvc, cvv2, exp, valid thru,
// roll number, taxpayer ID, NI number, tax file no.); EIN and other business ids are public and kept.
// A phrase is a list of words as tokens.ts reads them: lower case, punctuation inside a phrase
// only as '-', '/' or '.' (context-labels.ts INNER).

export type Locale = 'common' | 'AU' | 'NZ' | 'UK' | 'US';

export const LEXICON: Readonly<Record<LabelCat, Partial<Record<Locale, readonly string[]>>>> = {
  card: {
    common: ['card', 'cards', 'credit card', 'debit card', 'card number', 'card no', 'card num', 'card details',
      'payment card', 'bank card', 'visa', 'visa card', 'mastercard', 'master card', 'amex',
      'american express', 'discover', 'diners', 'diners club', 'jcb', 'unionpay', 'union pay', 'maestro',
      'eftpos', 'cc', 'pan', 'long number', 'number on the front', 'front of the card', 'credit', 'debit',
      'sixteen digit', '16 digit', 'gift card', 'long number on the card', 'number across the front',
      'digits across the front', 'sixteen digits', '16 digits', 'fifteen digits',
      '15 digits', 'card details again',
      // A reading counted as too short or too long for a card ("4246 0914 883, was only 11 digits").
      'eleven digits', '11 digits', 'twelve digits', '12 digits', 'thirteen digits', '13 digits', 'fourteen digits',
      '14 digits', 'seventeen digits', '17 digits', 'digit short', 'digits short'],
  },
  ending: {
    common: ['ending', 'ends', 'ending in', 'ends in', 'ends with', 'ending with', 'last four', 'last 4',
      'last four digits', 'last 4 digits', 'last digits', 'final four', 'final 4', 'ended', 'ended in', 'ended with',
      'end is', 'end of it is'],
  },
  cvv: {
    common: ['cvv', 'cvc', 'cvv2', 'cvc2', 'cid', 'csc', 'cv2', 'cvn', 'security code', 'security number',
      'security digits', 'card security code', 'card verification', 'card verification code',
      'verification value', 'digits on the back', 'three digits on the back', '3 digits on the back',
      'three numbers on the back', '3 numbers on the back', 'three digit code', '3 digit code',
      'four digit code', '4 digit code', 'code on the back', 'three digits', '3 digits', 'three numbers',
      'four digits on the front', 'number on the back', 'numbers on the back', 'back of the card', 'sec',
      'sec code', 'sc', 'security', 'cvc number', 'cvv number', 'cvv code', 'csv', 'c v v', 'c v c',
      'signature strip', 'three on the back', '3 on the back',
      'three digit security code', 'cv 2', 'cvv 2', 'cvc 2', 'verification code', 'card code', 'digits on the front', 'four digits printed on the front',
      'digits printed on the front', 'printed on the front', 'four digit code on the front', 'code on the front',
      'four on the front', 'cvv number on the back', 'cav2', 'cav 2', 'cav', 'cvn2', 'cvn 2', 'little code', 'the little code'],
  },
  // A bare "code" is a security code only in a card conversation ("…expires 10/27, and the code is 123").
  code: {
    common: ['code'],
  },
  expiry: {
    common: ['expiry', 'expiry date', 'expiration', 'expiration date', 'expires', 'expire', 'expired', 'expiring', 'exp',
      'exp date', 'valid thru', 'valid through', 'good thru',
      'good through', 'mm yy', 'exp dt', 'v t', 'v/t', 'expiry month', 'exp month', 'runs out', 'run out',
      'month and year', 'month and the year', 'valid thru date', 'expiry year', 'end date on the card',
      'ex date', 'runs till', 'runs until', 'runs till the end of', 'runs until the end of'],
  },
  // Quotes, guarantees and warranties are valid until a date too: a card's expiry only in card talk (validity-labels.ts).
  valid: {
    common: ['valid until', 'valid till', 'valid to', 'good until', 'valid until the end of', 'good till', 'good till the end of',
      'valid till the end of'],
  },
  pin: {
    common: ['pin', 'pin number', 'pin code', 'personal identification number'],
  },
  // A card read in parts: the agent's prompt for the next group ("next four?") labels the answer.
  group: {
    common: ['first four', 'first 4', 'first four digits', 'first 4 digits', 'first four numbers', 'next four', 'next 4',
      'next four digits', 'next 4 digits', 'next four numbers', 'second four', 'third four', 'fourth four',
      'next lot', 'next group', 'next set', 'next block', 'next bit', 'first group', 'second group',
      'third group', 'fourth group', 'first set', 'second set', 'third set', 'rest of the card',
      'rest of the number', 'remaining digits', 'middle digits', 'middle four', 'digits one to four', 'digits five to eight',
      'thirteen to sixteen', 'thirteen through sixteen',
      'digits five through eight', 'next lot of four'],
  },
  account: {
    common: ['account', 'account number', 'account no', 'account num', 'acct', 'acct no', 'acc', 'acc no', 'a c',
      'bank account', 'bank account number', 'checking', 'checking account', 'savings', 'savings account',
      'cheque account', 'chequing account', 'transaction account', 'everyday account', 'acct number',
      'acc number', 'account digits', 'bank acct', 'dda', 'dda number', 'dda account', 'demand deposit account'],
    UK: ['roll number', 'roll no', 'building society roll number', 'building society reference',
      'building society account', 'building society ref'],
    US: ['checking account number', 'savings account number'],
  },
  bank: {
    common: ['bank', 'banking', 'bank details', 'direct debit', 'bank transfer', 'transfer', 'eft', 'wire transfer',
      'deposit', 'swift', 'bic',
      // Bank details asked for by their size or their part, with no other word ("the six digit code
      // first", "then the eight digits", "and the number after that?", "the suffix").
      'six digits', 'six digit code', 'six digit number', 'seven digits', 'eight digits', 'eight digit number',
      'number after that', 'numbers after that', 'bank and branch', 'bank and branch number', 'account base',
      'base number', 'suffix', 'account suffix'],
    AU: ['commbank', 'commonwealth bank', 'westpac', 'anz', 'nab', 'bendigo bank', 'macquarie', 'st george',
      'suncorp', 'bankwest'],
    NZ: ['asb', 'bnz', 'kiwibank', 'westpac', 'anz', 'tsb'],
    UK: ['barclays', 'natwest', 'hsbc', 'lloyds', 'santander', 'halifax', 'monzo', 'starling', 'nationwide',
      'building society', 'faster payment', 'bacs'],
    US: ['chase', 'wells fargo', 'bank of america', 'citibank', 'wire', 'ach', 'credit union'],
  },
  // "BSB and account" names the BSB first: the account follows it (see bank-numbers.ts, trail).
  bsb: {
    common: ['bsb', 'bsb number', 'b s b', 'branch number', 'bank state branch', 'bsb and account',
      'bsb and account number'],
    AU: ['bsb no', 'bsb code', 'branch code', 'b s b number'],
  },
  sort: {
    common: ['sort code', 'sort', 'sortcode', 'sort code and account', 'sort code and account number'],
    UK: ['sort code number', 'sorting code'],
  },
  routing: {
    common: ['routing', 'routing number', 'aba', 'aba number', 'transit number', 'rtn', 'ach routing',
      'routing and account', 'routing and account number'],
    US: ['routing no', 'aba routing', 'routing transit number', 'bank routing number', 'rtng', 'rtng no', 'rtg', 'routing num', 'rout no'],
  },
  iban: {
    common: ['iban', 'international bank account number'],
  },
  tfn: {
    common: ['tfn', 'tax file number', 'tax file', 'tax file no'],
    AU: ['tfn no', 'tfn number', 'tax file num'],
  },
  ird: {
    common: ['ird', 'ird number', 'ird no', 'inland revenue'],
    NZ: ['ird num', 'inland revenue number', 'ird tax number'],
  },
  ssn: {
    common: ['ssn', 'social security', 'social security number', 'social'],
    US: ['social security no', 'ss number', 'ss no', 'social number', 'soc sec', 'social security num'],
  },
  itin: {
    common: ['itin', 'individual taxpayer identification number', 'taxpayer identification number'],
    US: ['taxpayer id', 'taxpayer id number', 'taxpayer number', 'tax payer id', 'tax payer number',
      'individual taxpayer id'],
  },
  ni: {
    common: ['national insurance', 'national insurance number', 'ni number', 'nino', 'ni no'],
    UK: ['ni', 'nat ins', 'national insurance no', 'nat insurance', 'ni num', 'n i number', 'n i'],
  },
  utr: {
    common: ['utr', 'utr number', 'unique taxpayer reference', 'tax reference', 'taxpayer reference', 'self assessment'],
    UK: ['utr no', 'self assessment reference', 'self assessment number', 'tax ref', 'hmrc reference', 'hmrc number'],
  },
  tax: {
    common: ['tax id', 'tax number', 'tax no', 'tax identification number', 'tin', 'tax id number',
      'personal tax number', 'tax identifier'],
    // Personal identity numbers (three corpus writers, unprompted, marked Medicare numbers sensitive).
    AU: ['medicare', 'medicare number', 'medicare no', 'medicare card number', 'medicare card'],
    UK: ['nhs number', 'nhs no'],
  },
  // Numbers the rule keeps: documents, business ids (public), addresses, tracking, the caller's own
  // account WITH THE BUSINESS ("my account number with you" is not a bank account).
  // The agent declines the number or the payment is done: a reading that was going on is over.
  done: {
    common: ['all done', 'all set', 'been applied', 'thats paid', 'that s paid', 'don t read', 'don t give', 'don t share', 'dont share', 'dont give', 'can t take card', 'all sorted', 'gone through', 'went through', 'been paid',
      'payment approved', 'payment declined', 'do not share', 'do not read', 'dont read', 'do not give', 'secure link', 'payment link', 'pay link',
      'secure payment link', 'cannot take card', 'done',
      ],
  },
  // A reading abandoned: what was read before it in the turn is the value read again after it (restarts.ts).
  restart: {
    common: ['start again', 'start over', 'wrong card', 'the wrong card', 'from the top', 'scratch that', 'wrong one',
      'reading the wrong', 'let me start again', 'start that again', 'go again', 'try again', 'begin again',
      'maxed out', 'try the other card', 'use the other card', 'try the other one', 'different card'],
  },
  keep: {
    common: ['invoice', 'invoice number', 'invoice no', 'inv', 'job', 'job number', 'job no', 'quote', 'quote number',
      'quote no', 'quotation', 'estimate', 'po', 'p o', 'purchase order', 'work order', 'wo', 'receipt',
      'receipt number', 'receipt no', 'transaction', 'transaction id', 'transaction number', 'txn',
      'reference', 'ref', 'reference number', 'payment reference', 'order', 'order number', 'order no',
      'booking', 'ticket', 'ticket number', 'case', 'case number', 'case id', 'claim', 'claim number', 'abn',
      'acn', 'arbn', 'nzbn', 'gst', 'gst number', 'vat', 'vat number', 'company number',
      'company registration', 'companies house', 'registration number', 'crn', 'customer reference',
      'customer reference number', 'customer number', 'customer id', 'customer account', 'account with you',
      'account number with you', 'account no with you', 'account with you guys',
      'account number with you guys', 'account with us', 'account number with us',
      'account with your company', 'account number with your company', 'account with your business',
      'account number with your business', 'client number', 'client id', 'client account', 'account ref',
      'account reference', 'account id', 'member number', 'membership number', 'tracking', 'tracking number',
      'consignment', 'consignment number', 'con note', 'connote', 'parcel', 'shipment', 'auth code',
      'authorisation code', 'authorization code', 'approval code', 'confirmation', 'confirmation number',
      'confirmation code', 'serial', 'serial number', 'model', 'model number', 'part number', 'credit note',
      'postcode', 'post code', 'zip', 'zip code', 'biller', 'biller code', 'bpay', 'licence', 'license',
      'policy', 'policy number', 'subscription', 'subscription id', 'payment id', 'voucher', 'incident',
      'gate code', 'door code', 'access code', 'alarm code', 'lockbox code', 'key code', 'promo code',
      'discount code', 'coupon code', 'area code', 'appointment', 'appointment number', 'licence card', 'license card', 'id card', 'loyalty card', 'membership card',
      'rewards card', 'business card', 'gas safe card', 'trade card', 'check number', 'cheque number', 'check no', 'cheque no', 'company no', 'reg no', 'registration no', 'company reg no', 'meter',
      // A utility's own customer account (electricity, gas, water) and the US ESI ID of a supply point.
      'utility account', 'utility account no', 'utility account number', 'electricity account', 'gas account', 'water account',
      'power account', 'energy account', 'esi id', 'esiid',
      // Direct-debit paperwork and the fields of an NZ bank payment (Particulars / Code / Reference).
      'dd authority', 'dd authority number', 'direct debit authority', 'authority number', 'mandate', 'mandate reference',
      'mandate number', 'ddr', 'particulars', 'statement descriptor', 'bank statement descriptor', 'descriptor',
      // Dates a field or a sentence names: the rule keeps dates.
      'collection date', 'due date', 'payment date', 'invoice date', 'statement date', 'statement period', 'service date',
      'visit date', 'start date', 'end date', 'debit date', 'transfer date', 'booking date', 'install date',
      'installation date', 'date paid', 'date of service', 'date requested', 'failed date', 'date received',
      // A document named by its end: "invoice ending 10293" is no card ending (card-numbers.ts).
      ...['invoice', 'order', 'reference', 'ref', 'receipt', 'job', 'quote', 'tracking', 'phone', 'mobile', 'transaction']
        .flatMap((d) => [`${d} ending`, `${d} ending in`, `${d} ends in`, `${d} number ending`, `${d} number ending in`]),
      'flat', 'registered number', 'company registered number', 'registered company number', 'company registration number',
      // Renewal dates ("Your next renewal is 03/09 next year") and depots, Gas Safe ids.
      'renewal', 'next renewal', 'renewal date', 'renews', 'renews on', 'depot', 'depot number', 'gas safe', 'gas safe number',
      'gas safe id', 'gas safe registration', 'gas safe licence',
      // Certificates and verification questions ("For security, the last four of the card?").
      'certificate', 'certificate number', 'certificate no', 'cert number', 'cert no', 'tax credit', 'energy tax credit',
      'for security', 'for security purposes', 'security reasons', 'security check', 'security question', 'security questions',
      'meter number', 'nmi', 'icp', 'mprn', 'mpan', 'licence number', 'license number', 'lic', 'job ref',
      'ref no', 'invoice ref', 'docket', 'docket number', 'statement number', 'credit note number',
      'work order number', 'quote ref', 'tracking no', 'container', 'unit', 'suite', 'apartment', 'apt',
      // Plurals name several documents at once ("work orders 5501, 5502 and 5503", "units 101, 204 and 310").
      'invoices', 'jobs', 'quotes', 'receipts', 'orders', 'work orders', 'units', 'apartments', 'suites',
      'transactions', 'tickets', 'cases', 'claims', 'bookings', 'auth', 'auth no', 'auth number', 'authorisation',
      'authorization', 'approval', 'approval number', 'client', 'client no', 'client ref', 'client code', 'trace', 'trace number', 'ach trace', 'trace id',
      ],
    AU: ['arn', 'crn number', 'biller number'],
    NZ: ['gst no', 'nzbn number'],
    UK: ['vat reg', 'vat registration', 'company reg', 'service user number', 'originator id', 'originator number', 'sun number'],
    US: ['ein', 'employer identification number', 'employer id'],
  },
  phone: {
    common: ['office number', 'home number', 'office line', 'phone', 'phone number', 'mobile', 'mobile number', 'mob', 'cell', 'cell phone', 'cellphone', 'landline',
      'fax', 'telephone', 'tel', 'ph', 'call', 'call me', 'call back', 'callback', 'ring', 'ring me',
      'reach', 'reach me', 'text', 'text me', 'contact number', 'contact', 'my number', 'number to call',
      'whatsapp', 'extension', 'ext', 'direct line', 'what number', 'which number', 'best number', 'number is best',
      'number to reach you', 'number to reach you on', 'number for you', 'callback number', 'call back number'],
  },
  money: {
    common: ['payments', 'instalment', 'instalments', 'installment', 'installments', 'charges', 'refunds', 'processed', 'total', 'amount', 'balance', 'charge', 'charged', 'paid', 'price', 'cost', 'fee', 'refund', 'refunded',
      'owing', 'owe', 'owed', 'due', 'bill', 'billed', 'payment', 'pay', 'debited', 'credited',
      'overcharged', 'invoiced', 'debit amount', 'credit amount', 'amount debited', 'amount credited',
      // An amount without its currency names itself after: "160 per month".
      'per month', 'a month', 'per week', 'a week', 'per fortnight', 'a fortnight', 'per year', 'per annum', 'per visit',
      'per clean', 'per hour', 'an hour', 'monthly', 'weekly', 'fortnightly'],
  },
};

/**
 * Phrases too common in ordinary talk to open a dialogue slot ("hang on a sec", "the bank said"): they
 * still name the number right after them, but never the next turn's answer (dialogue-slots.ts).
 */
export const WEAK_PHRASES: ReadonlySet<string> = new Set(['sec', 'sc', 'security', 'exp', 'ex date', 'code', 'credit', 'debit', 'social', 'transfer', 'deposit',
      'savings', 'checking', 'pan', 'cc', 'acc', 'a c', 'account', 'tin', 'sort', 'eft', 'wire',
      'bank', 'banking', 'expired', 'expire', 'expiring', 'runs out', 'run out', 'next bit',
      'ni', 'n i', 'csv', 'card code', 'lic', 'unit', 'meter',
      'container', 'eftpos', 'gift card', 'cards', 'tax file', 'call', 'ring', 'reach', 'text', 'contact',
      'ph', 'tel', 'phone', 'client']);
