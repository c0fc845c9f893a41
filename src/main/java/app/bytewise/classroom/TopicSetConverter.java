package app.bytewise.classroom;

import app.bytewise.drill.Topic;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of topics as their names, comma-separated in declaration order (a handful per quiz). */
@Converter
class TopicSetConverter implements AttributeConverter<Set<Topic>, String> {

    @Override
    public String convertToDatabaseColumn(Set<Topic> topics) {
        return EnumSet.copyOf(topics).stream().map(Topic::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<Topic> convertToEntityAttribute(String column) {
        EnumSet<Topic> topics = EnumSet.noneOf(Topic.class);
        Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(Topic::valueOf).forEach(topics::add);
        return topics;
    }
}
