import { describe, it } from 'vitest';
import { check } from './check-redaction.js';

// One case per class of leak that issue 12 reports (each failed on the engine before the dialogue
// model, the fail-closed rules and the lexicon), plus the false alarm it reports.

describe('issue 12 leak classes', () => {
  it('labelled identifiers a few words before the value', () => {
    check('Caller: do you need my tax file number for the invoice? It\'s 459 123 876', ['459 123 876']);
    check('Summary: the taxpayer ID for my business is 912-73-4567, caller said.', ['912-73-4567']);
    check('Customer gave the roll number R/528731-09 for the refund.', ['528731']);
  });

  it('canonical bank formats with no label', () => {
    check('Please refund to the account on your invoice, 12-3140-0123456-00, thanks.', ['0123456']);
    check('Pay into 06-0998-0765432-000 by Friday, invoice 1042.', ['0765432'], ['invoice 1042']);
  });

  it("the agent's question is the label", () => {
    const t = 'Agent: Can I take the card for the payment? First four digits?\nCaller: five two one nine\nAgent: Next four?\nCaller: four four seven one\nAgent: Next four?\nCaller: 8820 and then\nAgent: Last four?\nCaller: 3306';
    check(t, ['five two one nine', 'four four seven one', '8820']);
    check('Agent: And the four digits printed on the front?\nCaller: 4471', ['4471']);
    check('Agent: And the code on the back?\nCaller: six oh one', ['six oh one']);
    check('Agent: What is your BSB?\nCaller: zero six two, zero zero zero\nAgent: And the account number?\nCaller: one two three four five six seven eight',
      ['zero six two, zero zero zero', 'one two three four five six seven eight']);
  });

  it('corrections and restarts: every reading goes', () => {
    check('Caller: my card is four five three two, one one two two — sorry, wrong card, four nine one six, three three two one, seven seven one two, eight eight four five',
      ['four five three two, one one two two', 'four nine one six, three three two one']);
    check('Caller: the card number is three four one five — wait — three four one five, six six two two, nine nine one one, zero zero four four', ['three four one five —']);
  });

  it('wrong or short numbers in a card context', () => {
    check('Caller: the card number is 4532 7712 0098 331\nAgent: that is only fifteen digits, could you check it again?', ['4532 7712 0098 331']);
  });

  it('short labels and spoken security codes and expiries', () => {
    check('Fields: visa 4716 exp 07/29 sec 482', ['07/29', '482']);
    check('Agent: the four digit code on the front of the Amex?\nCaller: nine oh six one', ['nine oh six one']);
    check('Caller: the expiry is 2029-03', ['2029-03']);
    check('Caller: it runs out end of May 2028', ['May 2028']);
  });

  it('letters read aloud and ASR homophones', () => {
    check('Caller: my national insurance number is c e 42 17 90 a', ['42 17 90']);
    check('Caller: G B two nine, N W B K, six oh double one two three, four five six seven, eight nine', ['six oh double one two three', 'four five six seven']);
    check('User: my tax file number is ate hundred, to three nine, oh for to', ['to three nine', 'oh for to']);
    check('Caller: the card is for won won won, two two two two, three three three three, four four four four', ['for won won won']);
    // Short sound-alike readings: after a label and "'s", after "and" with a comma, a whole two-word
    // answer with a real number word, and three words that end the line.
    check("Caller: oh nine twenty eight, and the security code's ate won to", ['ate won to']);
    check('Agent: Expiration and CVV?\nCaller: eleven twenty-seven, and for tree ate', ['for tree ate']);
    check('Agent: And the expiry?\nCaller: to twenty nine', ['to twenty nine']);
    check('Agent: the code on the back?\nCaller: um yeah it is won oh ate', ['won oh ate']);
    check('Caller: I paid for two visits and went to four shops', [], ['for two visits', 'to four shops']);
    // An expiry's slash, said or written, and quoted field values.
    check('Agent: expiry?\nCaller: won too slash too ate', ['won too slash too ate']);
    check('Agent: expiry?\nCaller: 09 / too seven', ['09 / too seven']);
    check('cvv_heard: "for won six"\ndone: 15/07/2025 for 3 visits', ['for won six'], ['15/07/2025', '3 visits']);
  });

  it('a reading with no card word is the card when the next question asks for its expiry', () => {
    check('Agent: Ready for the number.\nCaller: 5410 4609... hold on... okay, 6993 9320.\nAgent: Got it. Expiration?\nCaller: June 27', ['5410 4609', '6993 9320']);
    check('Agent: What is the job number?\nCaller: 1042 5521\nAgent: Thanks, that is the one from Tuesday.', [], ['1042 5521']);
  });

  it('a card read in pairs across acknowledgements, with stamps before each speaker, before the expiry question', () => {
    check('[00:18] Bot: Please say or enter the number now.\n[00:22] Caller: forty-one seventy-six\n[00:25] Bot: Okay.\n[00:26] Caller: eighty-four fifty-four\n[00:29] Bot: Go on.\n[00:31] Caller: eighty-six thirty-eight twenty ninety-four\n[00:34] Bot: And when does it run out?',
      ['forty-one seventy-six', 'eighty-four fifty-four', 'eighty-six thirty-eight']);
  });

  it('a first group read before a restart goes with the card read in full later', () => {
    check('caller yeah four nine five nine sorry the dog is going off\nagent no worries\ncaller four nine five nine nine six seven one zero six seven five nine zero one five', ['four nine five nine sorry']);
  });

  it('the rest of a number read on from a bank detail goes with it', () => {
    check('Caller: Just put it back on my checking, it is 297113292 then 8810294713.', ['8810294713']);
  });

  it('keeps a US ZIP code next to an address', () => {
    check('Caller: the service address is 1200 Barton Springs Rd, Austin, TX 78704, and my card ending 4242 was charged twice.', [], ['78704', 'ending 4242']);
  });

  it('keeps a date with its weekday even where an expiry was just asked or read', () => {
    check('Agent: and the expiry?\nCaller: November 28\nAgent: Thanks. Your next visit stays Tuesday, November 18 at 9 a.m.', ['November 28'], ['Tuesday, November 18']);
    check('The expiry was read as oh ate to nine. Next visit Tuesday, October 14.', ['oh ate to nine'], ['Tuesday, October 14']);
  });

  it('a refusal "over the phone" is no phone question: the number given after it is still judged', () => {
    check("Agent: I just need your tax file number for the payroll form.\nCaller: rather not over the phone actually\nAgent: that's fine. Without it we withhold at the top rate.\nCaller: ok fine, it's 351 313 661\nAgent: and the best phone to reach you?\nCaller: 0412 555 019",
      ['351 313 661'], ['0412 555 019']);
  });

  it('"the code" after a card read with no card word is its security code, said or asked', () => {
    check("AI: Just to confirm, that's five three four seven, five two two seven, six six eight two, five four three eight?\nCaller: yes\nAI: and the code four four eight",
      ['five three four seven', 'four four eight']);
    check('Caller: ok its 5347 5227 6682 5431\nAgent: and the code?\nCaller: four four eight', ['5347 5227 6682', 'four four eight']);
    check('Caller: the error on the heater is code 1127, invoice 5531', [], ['1127', '5531']);
  });

  it("keeps the caller's account with the business next to card talk: 'on account', 'account number with us'", () => {
    check('Card given for the plan: 4917 8448 7184 845, sc 551. Customer account number with us is 20934.', ['4917 8448 7184', '551'], ['20934']);
    check("AI: I'm sorry, that card number isn't valid. Your balance of $127.45 on account 55091 is still open.", [], ['account 55091', '$127.45']);
    check('Caller: the refund goes to my account 0623 4471, BSB 062-000', ['0623 4471', '062-000']);
    check("Agent: yes, that's fine. I'll note it on account 0044-118. You'll get a text to 022 555 0911.", [], ['0044-118', '022 555 0911']);
    check('AI summary: refund the $615.00 credit on her account (client 77-0412). BSB zero three two, five four one, account 6712 9044.',
      ['zero three two, five four one', '6712 9044'], ['client 77-0412', '$615.00']);
  });

  it('a card reading interrupted by talk, or spread over the caller\'s turns, goes whole', () => {
    check('Caller: four five three two... hang on the kids are yelling... zero one five one, one two eight three, zero three six six',
      ['four five three two', 'zero one five one, one two eight three']);
    check('Agent: read me the card when you are ready\nCaller: 5425 2334\nAgent: mhm\nCaller: sorry, lost my place, 3010 9904',
      ['5425 2334', '3010 9904']);
    // Not a card: the pieces are a phone number and an invoice, or nothing card-like and no card talk.
    check('Caller: my mobile is 0412 555 019, oh and the invoice was 4471 2290', [], ['0412 555 019', '4471 2290']);
    check('Caller: we are at unit 4 of 1187, then the job 5520 3318', [], ['1187', '5520 3318']);
  });

  it('classes a held-out set of summaries and field blocks found (each failed before its rule)', () => {
    // Asked and answered in one turn: the business number stays, whatever bank talk came before.
    check('Caller: Our EFT reference is 000482913.\nCaller: Could you also confirm your ABN for our records? We have 26 087 441 903.', [], ['26 087 441 903']);
    // A field keyed by an account word holds an account, even in a landline's shape.
    check('BSB: 112-879\na/c: 03 981 2264\ncontact: 0429 870 331', ['112-879', '03 981 2264'], ['0429 870 331']);
    check('AI: Got it. Our NZBN for your records is 9429038110457.', [], ['9429038110457']);
    check("Caller: Right, it's P for Papa, N for November, seven three, one nine, oh six, D for Delta.", ['P for Papa', 'seven three', 'D for Delta']);
    check('he read "sort code too oh, for five, seven seven" and "account five three oh won nine for ate too".', ['too oh', 'for five', 'five three oh won']);
    check('AI: The PayPoint reference on your bill is 4471 9920 3318 5540, and the invoice number is NGS-10277.', [], ['4471 9920 3318 5540']);
    check("Customer: My old card ending 4454 expired.\nAI: Your receipt will show our VAT number GB 246 1180 53.", [], ['GB 246 1180 53']);
    check('rtng#: 261073452\nutility_account: 1044 7720 3318\nesi_id: 10443720008812207', ['261073452'], ['1044 7720 3318', '10443720008812207']);
    check('Three were paid by check (#1021, #1047, #1103) and the rest by card ending 5415.', [], ['#1103', 'card ending 5415']);
  });

  it('a document label in a new sentence claims its number; an answer that names itself wins over the question', () => {
    check('Agent: Our sort code is 60-83-71, account 55123487, account name Thameside Ltd. Reference is your invoice number, 7731.',
      ['60-83-71', '55123487'], ['invoice number, 7731']);
    check("detail: customer says the tax file no. on the invoice (637 696 935) is wrong", ['637 696 935']);
    check("Agent: can I get your customer number?\nCaller: yep it's six three one, one three eight, one six two — oh wait, sorry, that's my tax file number, ignore that\nAgent: No dramas. The customer number is on the top right of the invoice.\nCaller: right, it's forty-one oh nine",
      ['six three one, one three eight'], ['forty-one oh nine']);
  });

  it('classes a held-out set of everyday calls found (each failed before its rule)', () => {
    // A partial card read in fours right after card talk, though its digits would dial in the US.
    check("AI: I can't accept card numbers over the phone, but I can email you a secure link.\nCaller: it's just quicker, it's 5164 6759 36...", ['5164 6759 36']);
    check("AI: Thank you. That's an American Express ending 15524?\nCaller: my Visa ending 4242, invoice ending 10293", ['15524'], ['ending 4242', 'invoice ending 10293']);
    check("using a Discover card, 6011 3804 4205 4508, expiring October '28, security code six one two.", ["October '28", 'six one two']);
    check('sc: 30-54-98\nacc: 41234567', ['30-54-98', '41234567']);
    // Validity of a guarantee or a warranty is a date the rule keeps; of a card, its expiry.
    check('The agent checked the guarantee, valid until 12/2032, and agreed to cancel invoice 2025-0331.', [], ['12/2032']);
    check('Caller: my visa is 4532 0151 1283 0366 valid until 09/28', ['09/28']);
    check('statement_period: 01/04/2025 - 30/06/2025\ncollection_date: 21-07-25\nbank_statement_descriptor: TUI ELEC AKL 0800882441',
      [], ['01/04/2025 - 30/06/2025', '21-07-25', '0800882441']);
    check('dd_authority_number: 0458812\ndebit_amount: $72.50\npayment_reference: Particulars POOL Code 2291 Reference 0458812', [], ['0458812', 'Code 2291']);
    check('AI: For security, can you confirm the last four digits of the card you paid with?\nCaller: 8816', [], ['8816']);
    check("Agent: $129.99 went back to your Visa ending 6641 on 3 September. The bank's reference for it is 74561230049871.", [], ['74561230049871']);
    // The next turn names the answer; a later document word names an earlier unnamed reading.
    check("Agent: Do you have your customer number?\nCaller: Is it the nine digit one? one two five, four eight one, six three nine\nAgent: That sounds like an IRD number, so please don't read that out.",
      ['one two five, four eight one']);
    check('Caller: it gave me a long confirmation number.\nAgent: Sure, go ahead and read it.\nCaller: 7100 4492 1187 3360.\nAgent: Thank you. That confirmation, 7100 4492 1187 3360, is for $275.00.',
      [], ['Caller: 7100 4492 1187 3360', 'confirmation, 7100 4492 1187 3360']);
  });

  it('classes a held-out set of messy phone calls found (each failed before its rule)', () => {
    // A reference whose letters are read before its digits, even while a card is being asked for.
    check('Agent: the card number please?\nCaller: It is S C C, two one oh four four.\nCustomer: KM, three three one seven.', [], ['two one oh four four', 'three three one seven']);
    check('Agent: and your NI number?\nCaller: ZW five one three four five nine C.', ['five one three four five nine']);
    // A spoken phone number said with a word for sending or calling, after card talk.
    check("Agent: please read the card number.\nCaller: 4532 0151 1283 0366\nCaller: just send the link, to oh four oh nine double two one, seven eight four\nCustomer: Send it to oh seven seven double oh, nine double oh, five six two.",
      ['4532 0151 1283'], ['oh four oh nine double two one, seven eight four', 'oh seven seven double oh, nine double oh, five six two']);
    check('Agent: please read the card number.\nCaller: the card number is oh four one seven, three three oh, two six one', ['oh four one seven, three three oh']);
    // A card read on through the agent's refusal.
    check("Caller: just take it off my card, I'll read it.\nAgent: Thanks. First, which invoice—\nCaller: [overlapping] five three six four, oh six six eight—\nAgent: Sorry, please stop there. Please don't read your card number to me, I can't accept it on this call.\nCaller: —three seven one five, seven six oh one, and it's twelve twenty-seven.",
      ['five three six four', 'three seven one five']);
    check('Caller: 230599, and 4410228793. Got it.', [], ['4410228793']);
  });

  it('more classes from the messy calls (each failed before its rule)', () => {
    check('Agent: Your next renewal is 03/09 next year.\nAgent: The agent confirmed the payment was matched on 22/11, BSB 063-019.', ['063-019'], ['03/09', '22/11']);
    check("Caller: Could you take the next service off the 1806 card instead?\nCustomer: And the new card's got the 6616 at the end.\nCaller: No, the end is eighteen ninety-five.",
      [], ['1806 card', '6616 at the end', 'eighteen ninety-five']);
    check('Caller: So the business name is Coastline Drafting, and the ABN is eight four three, eight five five, one eight one.', ['eight four three, eight five five']);
    check('Caller: And our tax ID for exemption is five eight, dash, one nine oh four four seven two.\nCaller: my social is five five five, dash, four four, dash, one two one two',
      ['five five five, dash, four four'], ['five eight, dash, one nine oh four four seven two']);
    check('Caller: G B three one eight, four four seven two, oh six. And oh eight nine one four five seven two. Got them.', [], ['G B three one eight', 'oh eight nine one four five seven two']);
    check("Agent: The bank number first, that's the first two digits.\nCaller: Zero two.\nAgent: And the branch, four digits.\nCaller: one two four eight\nAgent: The account number, seven digits.\nCaller: oh three four, seven eight nine one\nAgent: And the suffix.\nCaller: triple zero",
      ['Zero two', 'one two four eight', 'seven eight nine one', 'triple zero']);
    check("Mele: OK my IRD number is five nine, two eight three, seven eight two.\nAgent: Please don't read your IRD number over the phone.\nMele: oh sorry, it's actually got a zero in front, oh five nine, two eight three, seven eight two.",
      ['five nine, two eight three', 'oh five nine, two eight three']);
    check('Agent: First four digits, please.\nUser: four oh oh four\nAgent: Next four.\nUser: four oh five nine\nAgent: Next.\nUser: oh seven one eight\nAgent: And the last four?\nUser: oh eight three eight',
      ['four oh oh four', 'oh seven one eight', 'oh eight three eight']);
    check("Agent: Your engineer's Gas Safe number is on the service record, 558102.", [], ['558102']);
  });

  it('classes a development set of spoken readings found (each failed before its rule)', () => {
    check('Caller: My ABN is... hang on... four two nine, one one six, oh three eight.', ['four two nine, one one six']);
    check('She began reading her tax file number ("three one seven, four four...") before stopping, then gave the full number as 317 448 925.', ['three one seven, four four', '317 448 925']);
    check('Agent: And the expiry?\nCaller: Ate twenty-seven. Sorry, oh ate twenty-seven.', ['Ate', 'oh ate']);
    check('She also read out what she called her "pin number, for for too won", which the agent advised she should never share.', ['for for too won']);
    check('Agent: card 4532 0151 1283 0366 done.\nCustomer: Thanks. The ZIP on the card is nine five eight two five, if you need it.', ['4532 0151 1283'], ['nine five eight two five']);
    check("Caller: I've got an EIN for the LLC, two six, four four seven one nine two oh. But my accountant said use my social since it's a single-member LLC? It's two one nine, five five, eight oh four seven.",
      ['two one nine, five five'], ['two six, four four seven one nine two oh']);
    check('User: My accountant needs paperwork for the solar tax credit. Do you need my social to fill out the form? It\'s two eighty-seven, sixty-one, forty-four oh nine.', ['two eighty-seven, sixty-one']);
    check("User: Do you need my National Insurance number? It's T B three oh, nine one, seven two, C.\nAssistant: Please don't share your National Insurance number. What number is best?\nUser: Oh one two one, four nine six, oh eight eight two.",
      ['three oh, nine one'], ['Oh one two one, four nine six, oh eight eight two']);
    check("AI: What's the BSB?\nCustomer: Four seven two, eight one nine, three three.\nAI: So BSB zero eight two zero zero one and account four seven two eight one nine three three?\nCustomer: That's right.\nAI: The ninety-eight dollars will be with you by Wednesday.",
      ['four seven two eight one nine three three'], ['ninety-eight dollars']);
    check('Agent: And the sort code?\nCustomer: Four oh, two two, five one. No wait, the last bit is five seven not five one.\nAgent: And your UTR?\nCaller: One two nine oh four, six six three eight one. No wait, the last bit is seven not one. Six six three eight seven.',
      ['five seven', 'not five one', 'Six six three eight seven']);
    check('slot_sort_code_first_pair: "five six"\nslot_sort_code_second_pair: "oh oh"\nnext_debit: 15 October', ['five six', 'oh oh'], ['15 October']);
    check('He read it in four parts: "oh three", "oh one eight three", "oh six two four four nine one", and "double oh". He then said the branch is oh one eight seven.',
      ['"oh three"', 'oh six two four four nine one', 'double oh']);
  });

  it('classes a held-out set of odd phrasings found (each failed before its rule)', () => {
    check('She read the card as "5433 0581 0266 9557", exp. 2027-06, CVV2 781. The warranty runs through 2028-09.', ['2027-06', '781'], ['2028-09']);
    check('Customer: I need every invoice from the 2023-24 tax year, paid on 2024-09-30.', [], ['2023-24', '2024-09-30']);
    check('Customer: The email says tracking number 3TX 0044 9120 7781.\nCourier parcel tracking NZP 5512 0043 981 relates to the parts.', [], ['3TX 0044 9120 7781', 'NZP 5512 0043 981']);
    check('paid by EFT: 33019, 33020 and 33022, totalling 11,407.60. BSB 633 000, acct 3301-2298.', ['633 000', '3301-2298'], ['33019', '33022']);
    check('The caller updated the card for her plan CL-4412, 160 per month.', [], ['160 per month']);
    check("Caller: My IRD no. is 118 274 663 — or do you need the NZBN? 9429041288301.", ['118 274 663'], ['9429041288301']);
    check('Assistant: the invoice just needs our GST number, which is 121-557-804.', [], ['121-557-804']);
    check('Caller: CAV2 381', ['381']);
    check('{"iban": "GB02NWBK 607302 44718830", "bic": "NWBKGB2L", "vat_no": "GB 301 7746 02", "phone": "0117 496 0881"}', ['GB02NWBK'], ['GB 301 7746 02', '0117 496 0881']);
    check('iban: GB03 BARC 2004 5571\n 8822 63', ['GB03 BARC 2004 5571', '8822 63']);
    check("Caller: My accountant said you'd need my UTR on the CIS statement. It's 30941\nAgent: Sorry, you broke up — 30941 and then?\nCaller: 77265.", ["It's 30941", '77265']);
    check('notes: caller read "2264 8505 6067\n7952" then gave good thru 08-28\ncard_last4_confirmed: 7952', ['2264 8505 6067', '08-28'], ['card_last4_confirmed: 7952']);
    check('Agent: card 4532 0151 1283 0366 refunded. We have you at 78704 and (512) 555-0147, correct?', ['4532 0151 1283'], ['78704', '(512) 555-0147']);
    check("Caller: It's an Amex: 3748 234269 91561.\nAgent: Reading it back — 3748 234269 95161?\nCaller: No, 91561 at the end, not 95161.", ['No, 91561', 'not 95161']);
    check('Agent: Expiry?\nUser: April twenty-nine.\nAgent: Done. Next sweep is booked for 2025-10, we will remind you by text.', ['April twenty-nine'], ['2025-10']);
    check("Agent: I've got the MPAN as 12 3456 7890 123 on your install certificate.", [], ['12 3456 7890 123']);
    check('Caller: Great. Our VAT number is three oh six, one nine four, eight two five seven.', ['three oh six, one nine four']);
    check("Caller: My UTR on the CIS statement. It's 30941\nAgent: Sorry, you broke up — 30941 and then?\nCaller: 77265.", ['broke up — 30941']);
  });

  it('classes a held-out set of hard readings found (each failed before its rule)', () => {
    check('identity_offered: Medicare number 2953 41876 1 (not requested)', ['2953 41876 1']);
    check("Agent: Ready when you are.\nCaller: Four nine one six, oh oh two eight, no hang on, that one's maxed out. Try the Amex.\nAgent: Sure, go ahead.\nCaller: three seven nine five",
      ['Four nine one six, oh oh two eight', 'three seven nine five']);
    check("Agent: Thank you. I've taken £275.00 for the pest treatment at Flat 3, 18 Queen's Road, Brighton BN1 3XE, job PT-0418.", [], ["Flat 3, 18 Queen's Road"]);
    check("He gave his UTR 77401 92385 and his company's registered number 13207718.", ['77401 92385'], ['13207718']);
    check('dda: 1290044817\naba: 021000021', ['1290044817', '021000021']);
    check('User: card five four oh oh seven seven two one five five nine three oh two eight one oh three twenty eight', ['five four oh oh seven', 'oh three twenty eight']);
    check("Agent: Sorry to cut in, I only need the last four digits.\nCaller: Oh, right. Two two nine eight.", [], ['Two two nine eight']);
    check('Agent: Could you give me just the last four digits of the card?\nCaller: Seven one nine seven, expiry ten twenty-eight, and the code on the front is four four one oh.',
      ['ten twenty-eight', 'four four one oh'], ['Seven one nine seven']);
    check("Agent: Let me read that back. BSB 062-194.\nCaller: No, the BSB ends one four nine.\nCaller: my Visa ends in 4242", ['062-194', 'one four nine'], ['ends in 4242']);
    check('Customer: my new address is 1209 Elm Street, Austin, Texas, seven eight seven oh two, dash four four one one.\nAI: Got it, 78702-4411.', [], ['seven eight seven oh two, dash four four one one', '78702-4411']);
  });
});
