package dev.orchestra.storage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import org.junit.jupiter.api.Test;

class CollectionRefTest {

    @Test
    void orchestrasCollectionsAreOnlyItsOwnThree() {
        assertThat(StoreCollection.values()).extracting(StoreCollection::collectionName)
                .containsExactly("memory_items", "agent_data", "user_sessions");
        assertThat(InspectorCollection.values()).extracting(InspectorCollection::collectionName)
                .containsExactly("inspector_trash", "inspector_audit");
        assertThat(CollectionRef.all()).extracting(CollectionRef::collectionName)
                .containsExactly("memory_items", "agent_data", "user_sessions", "inspector_trash", "inspector_audit");
    }

    @Test
    void anyCollectionIsFoundByItsName() {
        assertThat(CollectionRef.fromName("agent_data")).isEqualTo(StoreCollection.AGENT_DATA);
        assertThat(CollectionRef.fromName("inspector_audit")).isEqualTo(InspectorCollection.AUDIT);
        assertThat(StoreCollection.fromName("user_sessions")).isEqualTo(StoreCollection.USER_SESSIONS);
    }

    @Test
    void unknownNamesAreRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> CollectionRef.fromName("memories")).isInstanceOf(StorageValidationException.class)
                .hasMessage("Unknown collection 'memories'. Known: memory_items, agent_data, user_sessions, "
                        + "inspector_trash, inspector_audit");
        assertThatThrownBy(() -> StoreCollection.fromName("inspector_trash"))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage("Unknown collection 'inspector_trash'. Known: memory_items, agent_data, user_sessions");
    }

    @Test
    void theInspectorsOwnAreOrderedByTheirOwnTimeField() {
        assertThat(InspectorCollection.TRASH.timeField()).isEqualTo("deleted_at");
        assertThat(InspectorCollection.AUDIT.timeField()).isEqualTo("time");
        assertThat(InspectorCollection.AUDIT.requiredFields()).containsExactly("action", "collection");
    }
}
