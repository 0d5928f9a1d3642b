package io.github.deepseekspring.starter.consumer;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** A tool as users write them with Spring AI's annotations. */
public class WeatherTools {

	@Tool(description = "Current weather of a city")
	public String currentWeather(@ToolParam(description = "City name") String city) {
		return "Sunny, 22 degrees in " + city;
	}

}
