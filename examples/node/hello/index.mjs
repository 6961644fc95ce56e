// Echoes the event back with what the platform told the function about itself.
export const handler = async (event, context) => ({
  message: "hello from Ignis",
  event,
  function: context.functionName,
  version: context.functionVersion,
  memoryLimitInMB: context.memoryLimitInMB,
  region: process.env.AWS_REGION,
  remainingMillis: context.getRemainingTimeInMillis(),
});
