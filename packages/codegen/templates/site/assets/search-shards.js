// Joins the prebuilt search-index shards (MiniSearch 7 `toJSON()` objects, serializationVersion 2,
// with the same fields) into the object one index over all their documents would serialize to, so
// BM25 scores are computed with the document counts, term frequencies and average field lengths of
// the whole site rather than of each shard. Short ids are renumbered shard after shard. Returns
// null when a shard is not in that format; the search page then searches the shards one by one.
(function (global) {
  function offsetKeys(object, offset, into) {
    Object.keys(object).forEach(function (shortId) {
      into[Number(shortId) + offset] = object[shortId];
    });
  }
  global.contractsMergeSearchShards = function (shards) {
    if (shards.length === 0) return null;
    var first = shards[0];
    var fields = JSON.stringify(first.fieldIds);
    var ok = shards.every(function (shard) {
      return shard.serializationVersion === 2 && JSON.stringify(shard.fieldIds) === fields;
    });
    if (!ok) return null;
    var merged = {
      documentCount: 0,
      nextId: 0,
      documentIds: {},
      fieldIds: first.fieldIds,
      fieldLength: {},
      averageFieldLength: [],
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    };
    var lengthSums = [];
    var terms = new Map();
    shards.forEach(function (shard) {
      var offset = merged.nextId;
      offsetKeys(shard.documentIds, offset, merged.documentIds);
      offsetKeys(shard.fieldLength, offset, merged.fieldLength);
      offsetKeys(shard.storedFields, offset, merged.storedFields);
      shard.averageFieldLength.forEach(function (average, fieldId) {
        lengthSums[fieldId] = (lengthSums[fieldId] || 0) + average * shard.documentCount;
      });
      shard.index.forEach(function (entry) {
        var byField = terms.get(entry[0]);
        if (!byField) {
          byField = {};
          terms.set(entry[0], byField);
          merged.index.push([entry[0], byField]);
        }
        Object.keys(entry[1]).forEach(function (fieldId) {
          offsetKeys(entry[1][fieldId], offset, (byField[fieldId] = byField[fieldId] || {}));
        });
      });
      merged.documentCount += shard.documentCount;
      merged.nextId += shard.nextId;
      merged.dirtCount += shard.dirtCount || 0;
    });
    lengthSums.forEach(function (sum, fieldId) {
      merged.averageFieldLength[fieldId] = merged.documentCount ? sum / merged.documentCount : 0;
    });
    return merged;
  };
})(typeof window !== 'undefined' ? window : globalThis);
