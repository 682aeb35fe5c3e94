/**
 * @generated SignedSource<<2f808d449e43de9bd703c7b0f4a15819>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type PartnerTier = "GOLD" | "PLATINUM" | "REGISTERED" | "SILVER" | "%future added value";
export type operationsPartnerQuery$variables = {
  id: string;
};
export type operationsPartnerQuery$data = {
  readonly partner: {
    readonly id: string;
    readonly name: string;
    readonly tier: PartnerTier;
  } | null | undefined;
};
export type operationsPartnerQuery = {
  response: operationsPartnerQuery$data;
  variables: operationsPartnerQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "id"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "kind": "Variable",
        "name": "id",
        "variableName": "id"
      }
    ],
    "concreteType": "Partner",
    "kind": "LinkedField",
    "name": "partner",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "id",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "name",
        "storageKey": null
      },
      {
        "alias": null,
        "args": null,
        "kind": "ScalarField",
        "name": "tier",
        "storageKey": null
      }
    ],
    "storageKey": null
  }
];
return {
  "fragment": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Fragment",
    "metadata": null,
    "name": "operationsPartnerQuery",
    "selections": (v1/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "operationsPartnerQuery",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "053781e791f10c4d5195414112620a62",
    "id": null,
    "metadata": {},
    "name": "operationsPartnerQuery",
    "operationKind": "query",
    "text": "query operationsPartnerQuery(\n  $id: ID!\n) {\n  partner(id: $id) {\n    id\n    name\n    tier\n  }\n}\n"
  }
};
})();

(node as any).hash = "d315f27c326ea57879a3d5ddefb84b18";

export default node;
