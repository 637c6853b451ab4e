import fc from 'fast-check';

// Property tests are deterministic in CI: a fixed seed unless FC_SEED asks for another one
// (`FC_SEED=$RANDOM npm test` to explore; fast-check prints the seed of any failure).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });
