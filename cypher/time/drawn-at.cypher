// drawn-at(r, $asOf): whether a relationship the map draws (current or ended HAD_*) is on the graph as of the instant
// $asOf: it holds then (time/holds-at; the relationships without since/until always do) and neither end is a deal
// created after $asOf (ecosystem-format.md, "Validity in time": the graph as of T has the deals created at or before T).
({{time/holds-at(r, $asOf)}}
 AND NOT (startNode(r):Deal AND startNode(r).createdAt > $asOf) AND NOT (endNode(r):Deal AND endNode(r).createdAt > $asOf))
