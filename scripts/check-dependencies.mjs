#!/usr/bin/env node
// The pin rule of CONTRIBUTING.md, checked (part of `npm run lint`): every direct dependency
// is an exact version, none is listed twice, and package-lock.json records the same versions
// (a lock written from another package.json would be rewritten by the next `npm install`).
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const problems = [];

for (const field of ['dependencies', 'devDependencies']) {
  for (const [name, spec] of Object.entries(pkg[field] ?? {})) {
    if (!EXACT.test(spec)) problems.push(`${field}.${name} is "${spec}": pin an exact version`);
    if (field === 'devDependencies' && pkg.dependencies?.[name] !== undefined) {
      problems.push(`${name} is in both dependencies and devDependencies`);
    }
    if (lock.packages?.['']?.[field]?.[name] !== spec) {
      problems.push(
        `package-lock.json does not record ${field}.${name} as ${spec}: run npm install`,
      );
    }
    const installed = lock.packages?.[`node_modules/${name}`]?.version;
    if (installed !== spec) {
      problems.push(`package-lock.json installs ${name}@${installed}, package.json pins ${spec}`);
    }
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
