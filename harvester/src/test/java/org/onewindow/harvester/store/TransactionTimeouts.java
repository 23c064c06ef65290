package org.onewindow.harvester.store;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionImple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test bean: the timeout (in seconds) of every transaction begun while it listens. */
@ApplicationScoped
public class TransactionTimeouts {

    @Inject
    TransactionManager transactions;

    private volatile boolean listening;
    private final List<Integer> seen = new CopyOnWriteArrayList<>();

    void begun(@Observes @Initialized(TransactionScoped.class) Object event) throws SystemException {
        if (listening && transactions.getTransaction() instanceof TransactionImple transaction) {
            seen.add(transaction.getTimeout());
        }
    }

    /** Runs {@code work} and returns the timeouts of the transactions it began. */
    public List<Integer> during(Runnable work) {
        seen.clear();
        listening = true;
        try {
            work.run();
        } finally {
            listening = false;
        }
        return List.copyOf(seen);
    }
}
