import { writeFileSync } from 'node:fs';
import { renderMoneyPolicy } from '../server/policy/money-policy-doc.js';

// `npm run policy:doc`: writes docs/money-policy.md from the rules the policy runs.
const target = new URL('../docs/money-policy.md', import.meta.url);
writeFileSync(target, renderMoneyPolicy());
console.log(`wrote ${target.pathname}`);
