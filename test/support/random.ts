// The tests' seeded PRNG, so a failing seed reproduces: the generator's mulberry32.
export { mulberry32 as prng } from '../../seed/generator.js';
