/*
 * Copyright the Camel SSE Connectors authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.camelsse.component.sse.springboot;

import java.util.Set;

import org.apache.camel.util.TimeUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * What Spring's binding needs to read the starters' properties as Camel reads the same options on an endpoint. Each
 * converter applies only to the properties marked for it, so no other property of the application is affected.
 */
final class StarterPropertyConverters {

    private StarterPropertyConverters() {
    }

    /** {@code 10s}, {@code 1m}, {@code 500} into milliseconds, for a {@link DurationProperty}. */
    static final class Durations implements ConditionalGenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, Long.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return targetType.hasAnnotation(DurationProperty.class);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String text = source == null ? "" : source.toString().trim();
            return text.isEmpty() ? null : TimeUtils.toMilliSeconds(text);
        }
    }

    /** {@code #bean:name} into that bean, for a {@link BeanReferenceProperty}. */
    static final class BeanReferences implements ConditionalGenericConverter {

        private final BeanFactory beans;

        BeanReferences(BeanFactory beans) {
            this.beans = beans;
        }

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, Object.class));
        }

        @Override
        public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
            return targetType.hasAnnotation(BeanReferenceProperty.class);
        }

        @Override
        public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            String reference = source == null ? "" : source.toString().trim();
            if (reference.isEmpty()) {
                return null;
            }
            String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length())
                    : reference.startsWith("#") ? reference.substring(1) : null;
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("A " + targetType.getType().getSimpleName()
                                                   + " property refers to a bean, written #bean:name");
            }
            return beans.getBean(name, targetType.getType());
        }
    }
}
