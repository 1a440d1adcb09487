// The bar the conformance property holds the model to (the issue: at least 1,000 generated
// programs; the model may decline at most a tenth of what it is compared on).
export const CONFORMANCE_RUNS = 1000;
export const MAX_DECLINE_RATE = 0.1;
