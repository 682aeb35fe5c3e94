/**
 * @generated SignedSource<<a0660558d3b0ba9ce7eeffa59df2d2e5>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
export type MapNodeKind = "CAPABILITY" | "COMMUNITY" | "CUSTOMER" | "DEAL" | "PARTNER" | "SOLUTION" | "%future added value";
export type operationsMapQuery$variables = {
  centerId: string;
};
export type operationsMapQuery$data = {
  readonly ecosystemMap: {
    readonly nodes: ReadonlyArray<{
      readonly distance: number;
      readonly entityId: string;
      readonly id: string;
      readonly kind: MapNodeKind;
      readonly label: string;
    }>;
  } | null | undefined;
};
export type operationsMapQuery = {
  response: operationsMapQuery$data;
  variables: operationsMapQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "defaultValue": null,
    "kind": "LocalArgument",
    "name": "centerId"
  }
],
v1 = [
  {
    "alias": null,
    "args": [
      {
        "fields": [
          {
            "kind": "Variable",
            "name": "centerId",
            "variableName": "centerId"
          },
          {
            "kind": "Literal",
            "name": "depth",
            "value": 1
          }
        ],
        "kind": "ObjectValue",
        "name": "input"
      }
    ],
    "concreteType": "EcosystemGraph",
    "kind": "LinkedField",
    "name": "ecosystemMap",
    "plural": false,
    "selections": [
      {
        "alias": null,
        "args": null,
        "concreteType": "MapNode",
        "kind": "LinkedField",
        "name": "nodes",
        "plural": true,
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
            "name": "entityId",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "kind",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "label",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "distance",
            "storageKey": null
          }
        ],
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
    "name": "operationsMapQuery",
    "selections": (v1/*:: as any*/),
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": (v0/*:: as any*/),
    "kind": "Operation",
    "name": "operationsMapQuery",
    "selections": (v1/*:: as any*/)
  },
  "params": {
    "cacheID": "a61b116046377e1e587ac72af2752b91",
    "id": null,
    "metadata": {},
    "name": "operationsMapQuery",
    "operationKind": "query",
    "text": "query operationsMapQuery(\n  $centerId: ID!\n) {\n  ecosystemMap(input: {centerId: $centerId, depth: 1}) {\n    nodes {\n      id\n      entityId\n      kind\n      label\n      distance\n    }\n  }\n}\n"
  }
};
})();

(node as any).hash = "c09426b7e91f6da65f1ecd14f98dc711";

export default node;
