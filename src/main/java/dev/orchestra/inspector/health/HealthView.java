package dev.orchestra.inspector.health;

import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.TimeFormat;
import dev.orchestra.inspector.status.ComponentIndicator;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.model.ComponentHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;

/** Live latency charts, server statistics (polled every 5 s only while showing) and the outage log. */
public class HealthView implements FeatureView {
    private final HealthViewModel model;
    private final Messages messages;

    @FXML private BorderPane root;
    @FXML private Label overallLabel;
    @FXML private Label statisticsTimeLabel;
    @FXML private Circle mongoLight;
    @FXML private Label mongoText;
    @FXML private LineChart<Number, Number> mongoChart;
    @FXML private NumberAxis mongoX;
    @FXML private Label mongoChartPlaceholder;
    @FXML private Label redisChartPlaceholder;
    @FXML private Circle redisLight;
    @FXML private Label redisText;
    @FXML private Label redisNodes;
    @FXML private LineChart<Number, Number> redisChart;
    @FXML private NumberAxis redisX;
    @FXML private Label statisticsError;
    @FXML private FlowPane cards;
    @FXML private TreeTableView<String[]> statisticsTree;
    @FXML private TreeTableColumn<String[], String> statKeyColumn;
    @FXML private TreeTableColumn<String[], String> statValueColumn;
    @FXML private TableView<Outage> outageTable;
    @FXML private TableColumn<Outage, String> outageComponentColumn;
    @FXML private TableColumn<Outage, String> outageStartColumn;
    @FXML private TableColumn<Outage, String> outageEndColumn;
    @FXML private TableColumn<Outage, String> outageDurationColumn;
    @FXML private TableColumn<Outage, String> outageErrorColumn;
    /** The charts' redraws; while the view is hidden a new sample only marks them stale. */
    private final List<Runnable> chartRedraws = new ArrayList<>();
    private boolean showing;
    private boolean chartsStale;

    public HealthView(HealthViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        overallLabel.textProperty().bind(model.status().overallTextProperty());
        style(overallLabel, model.status().overallLightProperty());
        bindComponent(model.status().mongo(), mongoLight, mongoText);
        bindComponent(model.status().redis(), redisLight, redisText);
        redisNodes.textProperty().bind(model.status().redis().nodesProperty());
        redisNodes.visibleProperty().bind(model.status().redis().nodesProperty().isNotEmpty());
        redisNodes.managedProperty().bind(redisNodes.visibleProperty());
        bindChart(mongoChart, mongoX, model.history().samples(ComponentHealth.MONGODB));
        bindChart(redisChart, redisX, model.history().samples(ComponentHealth.REDIS));
        bindPlaceholder(mongoChart, mongoChartPlaceholder, model.status().mongo(),
                model.history().samples(ComponentHealth.MONGODB));
        bindPlaceholder(redisChart, redisChartPlaceholder, model.status().redis(),
                model.history().samples(ComponentHealth.REDIS));

        statisticsError.textProperty().bind(model.statisticsErrorProperty());
        statisticsError.visibleProperty().bind(model.statisticsErrorProperty().isNotNull());
        statisticsError.managedProperty().bind(statisticsError.visibleProperty());
        statisticsTimeLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.statisticsTimeProperty().get() == null ? ""
                        : messages.format("health.updated", TimeFormat.time(model.statisticsTimeProperty().get())),
                model.statisticsTimeProperty()));
        model.cards().addListener((ListChangeListener<StatisticsSummary.Card>) c -> rebuildCards());
        statKeyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()[0]));
        statValueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue()[1]));
        model.statisticsProperty().addListener((obs, was, is) -> statisticsTree.setRoot(tree("", is)));

        outageTable.setItems(model.history().outages());
        outageTable.setPlaceholder(new Label(messages.get("health.noOutages")));
        text(outageComponentColumn, o -> ComponentHealth.MONGODB.equals(o.component()) ? "MongoDB"
                : ComponentHealth.REDIS.equals(o.component()) ? "Redis" : o.component());
        text(outageStartColumn, o -> TimeFormat.time(o.start()));
        text(outageEndColumn, o -> o.isOngoing() ? messages.get("health.ongoing") : TimeFormat.time(o.end()));
        text(outageDurationColumn, o -> TimeFormat.duration(o.duration(model.now())));
        text(outageErrorColumn, o -> o.error() == null ? "" : o.error());
    }

    private static void text(TableColumn<Outage, String> column, Function<Outage, String> f) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(f.apply(c.getValue())));
    }

    private void bindComponent(ComponentIndicator indicator, Circle light, Label text) {
        style(light, indicator.lightProperty());
        text.textProperty().bind(Bindings.createStringBinding(
                () -> indicator.textProperty().get() + "\n" + indicator.tooltipProperty().get()
                        .lines().skip(1).filter(l -> !l.startsWith("checked") && !l.startsWith("  ")
                                && !l.equals("nodes:")).reduce((a, b) -> a + " · " + b)
                        .orElse(""), indicator.textProperty(), indicator.tooltipProperty()));
    }

    private void bindChart(LineChart<Number, Number> chart, NumberAxis x, ObservableList<LatencySample> samples) {
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return TimeFormat.time(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        Runnable redraw = () -> {
            long now = model.now().getEpochSecond();
            // Up to 15 minutes, but no wider than the history so far (at least 30 s) so early charts fill.
            long oldest = samples.isEmpty() ? now : samples.get(0).time().getEpochSecond();
            long span = Math.max(30, Math.min(HealthHistory.WINDOW.toSeconds(), now - oldest));
            x.setLowerBound(now - span);
            x.setUpperBound(now);
            x.setTickUnit(Math.max(5, span / 6));
            chart.getData().setAll(segments(samples));
        };
        chartRedraws.add(redraw);
        // Hidden, the chart is not redrawn for every health check (its series, path and axis rebuilt on the FX
        // thread every 2 s while another view is used); it is redrawn once when shown.
        samples.addListener((ListChangeListener<LatencySample>) c -> {
            if (showing) {
                redraw.run();
            } else {
                chartsStale = true;
            }
        });
        redraw.run();
    }

    /** One line per run of successful checks: a failed check leaves a gap instead of a misleading 0 ms. */
    private static List<XYChart.Series<Number, Number>> segments(List<LatencySample> samples) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        XYChart.Series<Number, Number> current = null;
        for (LatencySample s : samples) {
            if (!s.up()) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new XYChart.Series<>();
                series.add(current);
            }
            current.getData().add(new XYChart.Data<>(s.time().getEpochSecond(), s.latencyMillis()));
        }
        return series;
    }

    /** An empty chart says why: not configured (no REDIS_HOST) or no check yet. */
    private void bindPlaceholder(LineChart<Number, Number> chart, Label placeholder, ComponentIndicator indicator,
                                 ObservableList<LatencySample> samples) {
        var empty = Bindings.isEmpty(samples);
        chart.visibleProperty().bind(empty.not());
        placeholder.visibleProperty().bind(empty);
        placeholder.textProperty().bind(Bindings.createStringBinding(
                () -> indicator.lightProperty().get() == Light.GREY && indicator.last() != null
                        ? messages.format("health.notConfigured", indicator.label())
                        : messages.get("health.noSamples"), indicator.lightProperty()));
    }

    private void rebuildCards() {
        List<Node> nodes = new ArrayList<>();
        for (StatisticsSummary.Card card : model.cards()) {
            Label title = new Label(card.title());
            title.getStyleClass().add("card-title");
            Label value = new Label(card.value());
            value.getStyleClass().add("card-value");
            Label detail = new Label(card.detail());
            detail.getStyleClass().add("card-detail");
            detail.setWrapText(true);
            VBox box = new VBox(2, title, value, detail);
            box.getStyleClass().addAll("card", "stat-card");
            nodes.add(box);
        }
        cards.getChildren().setAll(nodes);
    }

    private static TreeItem<String[]> tree(String key, Object value) {
        TreeItem<String[]> item;
        if (value instanceof Map<?, ?> map) {
            item = new TreeItem<>(new String[] {key, ""});
            for (Map.Entry<?, ?> e : map.entrySet()) {
                item.getChildren().add(tree(String.valueOf(e.getKey()), e.getValue()));
            }
            item.setExpanded(true);
        } else {
            item = new TreeItem<>(new String[] {key, String.valueOf(value)});
        }
        return item;
    }

    private static void style(Node node, ReadOnlyObjectProperty<Light> light) {
        Runnable apply = () -> {
            for (Light l : Light.values()) {
                node.getStyleClass().remove(l.styleClass());
            }
            node.getStyleClass().add(light.get().styleClass());
        };
        apply.run();
        light.addListener((obs, was, is) -> apply.run());
    }

    @Override
    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing && chartsStale) {
            chartsStale = false;
            chartRedraws.forEach(Runnable::run);
        }
        model.setShowing(showing);
    }

    @Override
    public void focusFilter() {
        // no filter in this view
    }

    @Override
    public void refresh() {
        model.pollStatistics();
    }

    @Override
    public void openSelected() {
        // nothing to open
    }

    @Override
    public void cancelLoad() {
        // statistics polls are short and stop when the view hides
    }

    public BorderPane root() {
        return root;
    }
}
