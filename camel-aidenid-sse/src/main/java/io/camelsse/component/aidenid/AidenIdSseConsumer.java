/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.aidenid;

import java.io.File;
import java.time.Duration;
import java.util.Set;

import io.camelsse.component.sse.connection.EventIds;
import io.camelsse.component.sse.connection.HeaderValues;
import io.camelsse.component.sse.connection.StreamRequest;
import io.camelsse.component.sse.event.ServerSentEvent;
import io.camelsse.component.sse.support.PositionStoreException;
import io.camelsse.component.sse.support.ResumableSseConsumerSupport;
import io.camelsse.component.sse.support.ResumeStrategyPosition;
import io.camelsse.component.sse.support.SseCommonConfiguration;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the events of an AidenID project stream, each as a typed {@link AidenIdEvent}, and keeps the stream's
 * position so that nothing is lost or repeated:
 * <ul>
 * <li>across reconnects, the stream resumes after the last event received, and an event the server sends again is
 * recognised by its ID and not delivered twice;</li>
 * <li>when the route starts, it resumes after the last event completed: the one stored in the
 * {@code lastEventIdRepository} if there is one, else the one the endpoint remembers from the route's previous run in
 * this JVM, else the {@code lastEventId} option.</li>
 * </ul>
 * With a resume strategy (the route's {@code resumable()} EIP), the position the strategy holds comes first, and each
 * exchange carries its event's offset in {@link Exchange#OFFSET} for the EIP to record once the exchange completed.
 */
public class AidenIdSseConsumer extends ResumableSseConsumerSupport {

    /** The name under which the resume adapter is found, see {@code META-INF/services/org/apache/camel/}. */
    static final String ADAPTER_FACTORY_SERVICE = "aidenid-sse-adapter-factory";

    private static final Logger LOG = LoggerFactory.getLogger(AidenIdSseConsumer.class);

    private volatile StreamPosition position;
    private volatile Set<String> eventTypes = Set.of();
    private volatile boolean rawPayload;
    private volatile StateRepository<String, String> repository;
    private volatile String repositoryKey;

    private volatile boolean warnedUnstorableId;

    public AidenIdSseConsumer(AidenIdSseEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AidenIdSseEndpoint getEndpoint() {
        return (AidenIdSseEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        AidenIdSseConfiguration configuration = getEndpoint().getConfiguration();
        position = getEndpoint().positionOf(getRouteId());
        eventTypes = getEndpoint().eventTypes();
        rawPayload = configuration.isRawPayload();
        repositoryKey = getEndpoint().lastEventIdRepositoryKey();
        repository = configuration.getLastEventIdRepository();
        if (repository != null) {
            CamelContextAware.trySetCamelContext(repository, getEndpoint().getCamelContext());
        }
        super.doStart();
    }

    @Override
    protected String resumeKey() {
        return repositoryKey;
    }

    @Override
    protected Duration resumeReadTimeout() {
        return Duration.ofMillis(getEndpoint().getConfiguration().getResumeReadTimeout());
    }

    @Override
    public String adapterFactoryService() {
        return ADAPTER_FACTORY_SERVICE;
    }

    @Override
    protected SseCommonConfiguration streamOptions() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected StreamRequest createStreamRequest() {
        return getEndpoint().streamRequest();
    }

    @Override
    protected String initialLastEventId() throws PositionStoreException {
        String fromStrategy = positionFromStrategy();
        if (!fromStrategy.isEmpty()) {
            return fromStrategy;
        }
        StateRepository<String, String> repo = repository;
        if (repo != null) {
            String stored;
            try {
                // started if it is not yet; stopping it is its owner's business, it may be shared
                ServiceHelper.startService(repo);
                stored = storedNow(repo, repositoryKey);
            } catch (RuntimeException failed) {
                throw new PositionStoreException("the lastEventIdRepository could not be read under '"
                                                 + repositoryKey + "'", failed);
            }
            if (stored != null && !stored.isEmpty()) {
                LOG.info("Resuming the AidenID stream after event '{}', stored under '{}'", stored, repositoryKey);
                return fromStore(stored);
            }
        }
        String completed = position.lastCompletedId();
        if (!completed.isEmpty()) {
            return completed;
        }
        String configured = getEndpoint().getConfiguration().getLastEventId();
        return configured == null ? "" : configured;
    }

    /**
     * What the repository holds under the key now. A {@code FileStateRepository} answers from what it read when it
     * started, while another replica may have written the file since (this one leads again, in the same JVM): so its
     * file is read afresh, through a second instance that is never stopped, since a stopping one writes what it holds
     * back to the file. A subclass is asked as it is: it may keep its file in a form of its own.
     */
    private static String storedNow(StateRepository<String, String> repo, String key) {
        if (repo.getClass() == FileStateRepository.class) {
            File file = ((FileStateRepository) repo).getFileStore();
            if (file != null) {
                FileStateRepository fresh = FileStateRepository.fileStateRepository(file);
                fresh.start();
                return fresh.getState(key);
            }
        }
        return repo.getState(key);
    }

    /**
     * An ID read from the repository goes into a request header like the lastEventId option, so it is checked like
     * it: a repository that holds a line break fails the route's start, before any request. (One from a resume
     * strategy is checked by ResumeStrategyPosition.)
     */
    private static String fromStore(String id) {
        return HeaderValues.requireNoControlCharacters("lastEventId", id);
    }

    @Override
    protected String healthCheckPrefix() {
        return "aidenid-sse-consumer";
    }

    @Override
    protected boolean populateExchange(ServerSentEvent event, Exchange exchange) throws Exception {
        String id = event.lastEventId();
        if (event.hasOwnId() && position.replays().isReplay(id)) {
            LOG.debug("Not delivering event '{}' again: the server replayed it", id);
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(event.type())) {
            // a filter that skips the event now would skip it on a replay too: the position may move past it
            advancePosition(id);
            recordSkipped(id);
            return false;
        }
        if (rawPayload) {
            exchange.getMessage().setBody(event.data());
            setIdentityHeader(exchange, AidenIdEventReader.identityId(id, event.type(), event.data()));
        } else {
            // should the data not be readable, the error handler still gets it as it came
            exchange.getMessage().setBody(event.data());
            AidenIdEvent body = AidenIdEventReader.read(id, event.type(), event.data());
            exchange.getMessage().setBody(body);
            setIdentityHeader(exchange, body.getIdentityId());
        }
        carryOffset(exchange, id);
        return true;
    }

    @Override
    protected void onEventCompleted(ServerSentEvent event, Exchange exchange) {
        // only now: a crash, a stop or a failure before this point delivers the event again rather than losing it
        advancePosition(event.lastEventId());
    }

    /** An AidenID error answer becomes an {@link AidenIdApiException}, which names its code. */
    @Override
    protected HttpOperationFailedException translate(HttpOperationFailedException answer) {
        return answer instanceof AidenIdApiException ? answer : new AidenIdApiException(answer);
    }

    private void advancePosition(String id) {
        if (id.isEmpty()) {
            return;
        }
        position.completed(id);
        StateRepository<String, String> repo = repository;
        if (repo != null && !EventIds.isResumable(id)) {
            if (!warnedUnstorableId) {
                warnedUnstorableId = true;
                LOG.warn("Not storing event ID '{}' under '{}': {}; the repository keeps the last ID that can be sent"
                         + " back", EventIds.forDisplay(id), repositoryKey, EventIds.whyNotResumable(id));
            }
            return;
        }
        if (repo != null) {
            try {
                repo.setState(repositoryKey, id);
            } catch (RuntimeException e) {
                getExceptionHandler().handleException("Could not store the last event ID '" + id + "' under '"
                                                      + repositoryKey + "'", e);
            }
        }
    }

    /** No exchange carries a skipped event's offset to the resume strategy: the consumer records it. */
    private void recordSkipped(String id) {
        ResumeStrategyPosition resumable = strategyPosition();
        if (resumable == null) {
            return;
        }
        try {
            resumable.record(id);
        } catch (Exception e) {
            getExceptionHandler().handleException("Could not record the position '" + id + "' in the resume strategy",
                    e);
        }
    }

    private static void setIdentityHeader(Exchange exchange, String identityId) {
        if (identityId != null) {
            exchange.getMessage().setHeader(AidenIdSseConstants.IDENTITY_ID, identityId);
        }
    }
}
