package org.clearinghouse.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The facet values of one point-in-time view of the index: each segment's {@link SegmentFacets},
 * and a numbering of the values across segments (a value has its own ordinal in each segment),
 * with the dimension and label of each. Segments shared with the previous view are not read
 * again: {@link Cache} keeps them for as long as the segment lives. Immutable; thread-safe.
 */
final class FacetOrdinals {
    private final List<SegmentFacets> segments;
    /** Segment ordinal to view ordinal, per segment (in the reader's leaf order). */
    private final int[][] toView;
    private final String[] dimensions;
    private final String[] labels;

    private FacetOrdinals(List<SegmentFacets> segments, int[][] toView, String[] dimensions, String[] labels) {
        this.segments = segments;
        this.toView = toView;
        this.dimensions = dimensions;
        this.labels = labels;
    }

    /** The segment of leaf {@code leafOrd} of the view. */
    SegmentFacets segment(int leafOrd) {
        return segments.get(leafOrd);
    }

    /** The view ordinal of {@code segmentOrd} in leaf {@code leafOrd}. */
    int viewOrdinal(int leafOrd, int segmentOrd) {
        return toView[leafOrd][segmentOrd];
    }

    /** Distinct values in the view, all dimensions together. */
    int size() {
        return labels.length;
    }

    String dimension(int viewOrd) {
        return dimensions[viewOrd];
    }

    String label(int viewOrd) {
        return labels[viewOrd];
    }

    /**
     * The segments' facet values, kept per segment core for as long as the segment is open, so a
     * reopen after a save reads only the new segments. Thread-safe.
     */
    static final class Cache {
        private final String field;
        private final Map<IndexReader.CacheKey, SegmentFacets> bySegment = new ConcurrentHashMap<>();

        Cache(FacetsConfig config) {
            this.field = config.getDimConfig(PageFields.TAGS_DIM).indexFieldName;
            for (String dimension : List.of(PageFields.AUDIENCE_DIM, PageFields.TYPE_DIM)) {
                if (!config.getDimConfig(dimension).indexFieldName.equals(field)) {
                    throw new IllegalArgumentException("Facet dimensions are expected to share one field");
                }
            }
        }

        /** The facet values of the view {@code reader}. */
        FacetOrdinals of(IndexReader reader) throws IOException {
            List<SegmentFacets> segments = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                segments.add(segment(leaf));
            }
            Map<String, Integer> numbered = new HashMap<>();
            List<String[]> paths = new ArrayList<>();
            int[][] toView = new int[segments.size()][];
            for (int s = 0; s < segments.size(); s++) {
                SegmentFacets segment = segments.get(s);
                toView[s] = new int[segment.valueCount()];
                for (int ord = 0; ord < segment.valueCount(); ord++) {
                    String value = segment.value(ord);
                    Integer viewOrd = numbered.get(value);
                    if (viewOrd == null) {
                        viewOrd = paths.size();
                        numbered.put(value, viewOrd);
                        paths.add(FacetsConfig.stringToPath(value));
                    }
                    toView[s][ord] = viewOrd;
                }
            }
            String[] dimensions = new String[paths.size()];
            String[] labels = new String[paths.size()];
            for (int i = 0; i < paths.size(); i++) {
                String[] path = paths.get(i);
                dimensions[i] = path[0];
                // A flat dimension's values are "dimension, label"; anything else is not a facet value.
                labels[i] = path.length == 2 ? path[1] : null;
            }
            return new FacetOrdinals(segments, toView, dimensions, labels);
        }

        private SegmentFacets segment(LeafReaderContext leaf) throws IOException {
            IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
            if (helper == null) {
                return SegmentFacets.read(leaf.reader(), field);
            }
            SegmentFacets cached = bySegment.get(helper.getKey());
            if (cached == null) {
                cached = SegmentFacets.read(leaf.reader(), field);
                if (bySegment.putIfAbsent(helper.getKey(), cached) == null) {
                    helper.addClosedListener(bySegment::remove);
                }
            }
            return cached;
        }
    }
}
