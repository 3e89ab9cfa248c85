/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.clustering;

import java.util.List;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/** A cluster service of one local member, which leads when the test says so. */
final class SwitchableClusterService extends AbstractCamelClusterService<SwitchableClusterService.View> {

    private volatile boolean leader;
    private volatile View view;

    SwitchableClusterService(String id) {
        super(id);
    }

    void setLeader(boolean leads) {
        leader = leads;
        View v = view;
        if (v != null) {
            v.changed();
        }
    }

    @Override
    protected View createView(String namespace) {
        view = new View(namespace);
        return view;
    }

    final class View extends AbstractCamelClusterView {
        private final CamelClusterMember local = new CamelClusterMember() {
            @Override
            public boolean isLeader() {
                return leader;
            }

            @Override
            public boolean isLocal() {
                return true;
            }

            @Override
            public String getId() {
                return SwitchableClusterService.this.getId();
            }
        };

        View(String namespace) {
            super(SwitchableClusterService.this, namespace);
        }

        void changed() {
            fireLeadershipChangedEvent(leader ? Optional.of(local) : Optional.empty());
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            return leader ? Optional.of(local) : Optional.empty();
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return local;
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(local);
        }

        @Override
        protected void doStart() {
        }

        @Override
        protected void doStop() {
        }
    }
}
