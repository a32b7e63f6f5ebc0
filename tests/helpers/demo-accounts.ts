/**
 * SAGEDECK_ACCOUNTS for the emulator's three demo accounts (EMULATOR_DEMO_ACCOUNTS=1): development is home,
 * staging is reached with SageDeckRole, production with SageDeckRoleWithExternalId and its ExternalId.
 */
export const THREE_ACCOUNTS = [
  { name: "development", accountId: "123456789012", stages: ["Development"] },
  {
    name: "staging",
    accountId: "222222222222",
    roleArn: "arn:aws:iam::222222222222:role/SageDeckRole",
    stages: ["Staging"],
  },
  {
    name: "production",
    accountId: "333333333333",
    roleArn: "arn:aws:iam::333333333333:role/SageDeckRoleWithExternalId",
    externalId: "sagedeck-external-id",
    stages: ["Production"],
  },
];
