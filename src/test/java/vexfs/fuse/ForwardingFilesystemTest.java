package vexfs.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForwardingFilesystemTest {
    /** A decorator that forgets an operation would silently answer ENOSYS for it: every one must be forwarded. */
    @Test
    void forwardsEveryOperationWithItsArguments() throws Exception {
        List<String> seen = new ArrayList<>();
        FuseFilesystem recorder = (FuseFilesystem) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FuseFilesystem.class}, (proxy, m, args) -> {
                    seen.add(m.getName() + "/" + (args == null ? 0 : args.length));
                    return null;
                });
        FuseFilesystem layer = new ForwardingFilesystem(recorder) {};
        int count = 0;
        for (Method m : FuseFilesystem.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            Method own = ForwardingFilesystem.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(ForwardingFilesystem.class, own.getDeclaringClass(), m.getName() + " is not forwarded");
            Object[] args = new Object[m.getParameterCount()];
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < args.length; i++) args[i] = defaultOf(types[i]);
            seen.clear();
            m.invoke(layer, args);
            assertEquals(List.of(m.getName() + "/" + args.length), seen, m.getName());
            count++;
        }
        assertTrue(count >= 39, "operations checked: " + count);
    }

    private static Object defaultOf(Class<?> t) {
        if (t == long.class) return 7L;
        if (t == int.class) return 3;
        if (t == boolean.class) return true;
        return null;
    }
}
