// Chevrotain's grammar self-checks cost about a hundred milliseconds at start-up, more than the whole parse of a
// small capture. They find mistakes in the grammars, not in the input, so they run where grammars change: under
// the test runner (vitest sets VITEST) or when SLP_DOCTOR_VALIDATE_GRAMMARS=1.
const validate = process.env.VITEST !== undefined || process.env.SLP_DOCTOR_VALIDATE_GRAMMARS === '1';

export const GRAMMAR_CHECKS = { skipValidations: !validate } as const;
export const LEXER_CHECKS = { skipValidations: !validate } as const;
