// change-visible(ch): whether the viewer may see change ch of the outbox (README, "Events"). The vendor's users see every change; a PARTNER sees every change to partners, capabilities and their public links (holdings, integrations, the taxonomy) and to programs, a change to an enrolment only when it is its own, and a change to a customer, account, deal, solution, grant or one of their links when what it is about exists now and the rule for it (customer-visible, account-visible, deal-visible and for a deal's solution solution-visible too, solution-visible, grant-visible) lets the viewer see it now; when it no longer exists, when the viewer was one of the partners involved (ch.partnerIds, recorded with the change).
($viewerPartnerId IS NULL
 OR CASE
   WHEN ch.entityType IN ['Partner', 'Capability', 'PartnerCapability', 'Integration', 'CapabilityParent', 'Program'] THEN true
   WHEN ch.entityType = 'Enrolment' THEN $viewerPartnerId IN ch.partnerIds
   WHEN ch.entityType IN ['Customer', 'CustomerNeed'] THEN
     COUNT { MATCH (cvCustomer:Customer {id: split(ch.entityId, '|')[0]}) WHERE {{scope/customer-visible(cvCustomer)}} } > 0
     OR (NOT EXISTS { MATCH (:Customer {id: split(ch.entityId, '|')[0]}) } AND $viewerPartnerId IN ch.partnerIds)
   WHEN ch.entityType = 'Account' THEN
     COUNT { MATCH (cvPartner:Partner {id: split(ch.entityId, '|')[0]}), (cvCustomer:Customer {id: split(ch.entityId, '|')[1]})
             WHERE {{scope/account-visible(cvPartner, cvCustomer)}} } > 0
     OR (NOT EXISTS { MATCH (:Partner {id: split(ch.entityId, '|')[0]}), (:Customer {id: split(ch.entityId, '|')[1]}) }
         AND $viewerPartnerId IN ch.partnerIds)
   WHEN ch.entityType = 'SharingGrant' THEN
     COUNT { MATCH (cvPartner:Partner {id: split(ch.entityId, '|')[0]}), (cvOther:Partner {id: split(ch.entityId, '|')[1]})
             WHERE {{scope/grant-visible(cvPartner, cvOther)}} } > 0
     OR (NOT EXISTS { MATCH (:Partner {id: split(ch.entityId, '|')[0]}), (:Partner {id: split(ch.entityId, '|')[1]}) }
         AND $viewerPartnerId IN ch.partnerIds)
   WHEN ch.entityType IN ['Deal', 'Participation', 'DealCustomer', 'DealSolution'] THEN
     (COUNT { MATCH (cvDeal:Deal {id: split(ch.entityId, '|')[CASE ch.entityType WHEN 'Participation' THEN 1 ELSE 0 END]})
              WHERE {{scope/deal-visible(cvDeal)}} } > 0
      OR (NOT EXISTS { MATCH (:Deal {id: split(ch.entityId, '|')[CASE ch.entityType WHEN 'Participation' THEN 1 ELSE 0 END]}) }
          AND $viewerPartnerId IN ch.partnerIds))
     AND (ch.entityType <> 'DealSolution'
          OR COUNT { MATCH (cvSolution:Solution {id: split(ch.entityId, '|')[1]}) WHERE {{scope/solution-visible(cvSolution)}} } > 0
          OR NOT EXISTS { MATCH (:Solution {id: split(ch.entityId, '|')[1]}) })
   WHEN ch.entityType IN ['Solution', 'Membership', 'SolutionRequirement'] THEN
     COUNT { MATCH (cvSolution:Solution {id: split(ch.entityId, '|')[CASE ch.entityType WHEN 'Membership' THEN 1 ELSE 0 END]})
             WHERE {{scope/solution-visible(cvSolution)}} } > 0
     OR (NOT EXISTS { MATCH (:Solution {id: split(ch.entityId, '|')[CASE ch.entityType WHEN 'Membership' THEN 1 ELSE 0 END]}) }
         AND $viewerPartnerId IN ch.partnerIds)
   ELSE false
 END)
